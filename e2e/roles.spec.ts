import { expect, test } from "@playwright/test";
import { storageState } from "./helpers";

test.describe("as a viewer", () => {
  test.use({ storageState: storageState("viewer") });

  test("sees teams and services but no control that writes", async ({ page }) => {
    await page.goto("/settings/teams");
    await expect(page.getByRole("heading", { name: "Platform" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create team" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Remove .* from/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Add to/ })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Users" })).toHaveCount(0);

    await page.goto("/settings/services");
    await expect(page.getByRole("cell", { name: "checkout-api", exact: true })).toBeVisible();

    const usersPage = await page.goto("/settings/users");
    expect(usersPage?.status()).toBe(404);
    await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageState("admin") });

  test("creates a user, changes their role, the change takes effect at once, and both are in the audit log", async ({ page, browser }) => {
    const suffix = Date.now().toString(36);
    const name = `Casey ${suffix}`;
    const email = `casey.${suffix}@example.com`;

    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption("viewer");
    await dialog.getByLabel(/Initial password/).fill("casey-password-1");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`${name} can now sign in as viewer.`)).toBeVisible();

    // Casey signs in as a viewer in a separate browser context.
    const casey = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const caseyPage = await casey.newPage();
    await caseyPage.goto("/sign-in");
    await caseyPage.getByLabel("Email").fill(email);
    await caseyPage.getByLabel("Password").fill("casey-password-1");
    await caseyPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(caseyPage).toHaveURL(/\/incidents$/);
    expect((await caseyPage.goto("/settings/users"))?.status()).toBe(404);

    await page.getByLabel(`Role for ${name}`).selectOption("admin");
    await expect(page.getByText(`${name} is now admin.`)).toBeVisible();

    // Same session, no sign-out: the new role applies on the next request.
    expect((await caseyPage.goto("/settings/users"))?.status()).toBe(200);
    await expect(caseyPage.getByRole("button", { name: "Add user" })).toBeVisible();
    await casey.close();

    await page.goto("/settings/audit?action=user.");
    await expect(page.getByRole("row").filter({ hasText: "Created a user" }).filter({ hasText: email })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "Changed a user's role" }).filter({ hasText: "role: viewer → admin" }).filter({ hasText: name })).toBeVisible();
  });

  test("an email already in use is marked on the Email field, and nothing is created", async ({ page }) => {
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Name").fill("Second Admin");
    await dialog.getByLabel("Email").fill("admin@example.com");
    await dialog.getByLabel(/Initial password/).fill("second-admin-1");
    await dialog.getByRole("button", { name: "Add user" }).click();
    const email = dialog.getByLabel("Email");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/already exists/);
    await expect(dialog.getByLabel("Name")).not.toHaveAttribute("aria-invalid");
  });

  test("a deactivated user is refused at sign-in", async ({ page, browser }) => {
    const suffix = Date.now().toString(36);
    const name = `Dana ${suffix}`;
    const email = `dana.${suffix}@example.com`;
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a user" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel(/Initial password/).fill("dana-password-1");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await page.getByRole("button", { name: `Deactivate ${name}` }).click();
    await expect(page.getByText(`${name} is deactivated; their history stays.`)).toBeVisible();

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    await otherPage.goto("/sign-in");
    await otherPage.getByLabel("Email").fill(email);
    await otherPage.getByLabel("Password").fill("dana-password-1");
    await otherPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(otherPage.getByText("do not match an active account")).toBeVisible();
    await other.close();
  });
});
