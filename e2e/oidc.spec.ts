import type { Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { startOidcProvider } from "./oidc-provider";

const people = {
  quinn: { email: "quinn@sso.example.com", name: "Quinn SSO", isVerified: true },
  unverified: { email: "unverified@sso.example.com", name: "Una Verified", isVerified: false },
  admin: { email: "admin@example.com", name: "Alex via SSO", isVerified: true },
  uriel: { email: "uriel@sso.example.com", name: "Uriel Userinfo", isVerified: true },
};

let provider: Server;
test.beforeAll(async () => {
  provider = await startOidcProvider(String(test.info().project.use.baseURL), people);
});
test.afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

async function signInThroughProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();
  // oidc-provider's development login and consent screens.
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any-password");
  await page.locator("button[type=submit]").click();
  const consent = page.locator("button[type=submit]", { hasText: /continue|authorize/i });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test.use({ storageState: { cookies: [], origins: [] } });

test("a new person signs in through OIDC and arrives as a responder", async ({ page }) => {
  await signInThroughProvider(page, "quinn");
  await expect(page).toHaveURL(/\/incidents$/);
  await page.getByRole("button", { name: "Account menu for Quinn SSO" }).click();
  await expect(page.getByTestId("current-role")).toHaveText("Role: responder");
});

test("an existing account is matched by its verified email, keeping its role", async ({ page }) => {
  await signInThroughProvider(page, "admin");
  await expect(page).toHaveURL(/\/incidents$/);
  await page.getByRole("button", { name: "Account menu for Alex Admin" }).click();
  await expect(page.getByTestId("current-role")).toHaveText("Role: admin");
});

test("an unverified email is refused with a message saying why", async ({ page }) => {
  await signInThroughProvider(page, "unverified");
  await expect(page.getByText("Your identity provider did not confirm your email address")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("a provider that sends the email only from its userinfo endpoint", () => {
  test.beforeAll(async () => {
    await new Promise<void>((resolve) => provider.close(() => resolve()));
    provider = await startOidcProvider(String(test.info().project.use.baseURL), people, { emailOnlyInUserinfo: true });
  });

  test("a verified person signs in, matched by the email from userinfo", async ({ page }) => {
    await signInThroughProvider(page, "uriel");
    await expect(page).toHaveURL(/\/incidents$/);
    await page.getByRole("button", { name: "Account menu for Uriel Userinfo" }).click();
    await expect(page.getByTestId("current-role")).toHaveText("Role: responder");
  });

  test("an unverified email from userinfo is still refused", async ({ page }) => {
    await signInThroughProvider(page, "unverified");
    await expect(page.getByText("Your identity provider did not confirm your email address")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
