import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, isEmbedded, signIn } from "./helpers";

test("a wrong password is refused with a message that does not reveal whether the account exists", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demo.responder);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const message = page.getByText("That email and password do not match an active account. Check both and try again.");
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(message).toBeVisible();
});

test("sign in, land in the app, sign out, and signed-out pages send you back to sign in", async ({ page }) => {
  await signIn(page, demo.responder);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incidents" })).toBeVisible();
  await page.getByRole("button", { name: "Account menu for Riley Responder" }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings/teams");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("demo credentials are shown only in demo mode (embedded database, seeded)", { tag: "@engine" }, async ({ page }) => {
  await page.goto("/sign-in");
  const demoAccounts = page.getByRole("region", { name: "Demo accounts" });
  if (isEmbedded()) {
    await expect(demoAccounts).toContainText("admin@example.com");
  } else {
    await expect(page.getByRole("heading", { name: "Sign in to Daytwo" })).toBeVisible();
    await expect(demoAccounts).toHaveCount(0);
  }
});

test("a sign-in link whose callbackUrl hides another host behind a tab still lands in the app", async ({ page, baseURL }) => {
  // Answer for the other host locally, so a wrong redirect shows up as a URL instead of a DNS error.
  await page.route(/^https?:\/\/evil\.example\//, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }));
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2F");
  await page.getByLabel("Email").fill(demo.responder);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  expect(new URL(page.url()).origin).toBe(new URL(String(baseURL)).origin);
});

test("a copied session cookie stops working at sign-out, and 'Sign out everywhere' signs out the other browsers", { tag: "@engine" }, async ({ browser }) => {
  // Sam signs in fresh wherever the suite uses him, so ending all his sessions disturbs no other journey.
  const signedIn = async () => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, "sam@example.com");
    return { context, page };
  };
  const laptop = await signedIn();
  const copied = await browser.newContext({ storageState: { cookies: await laptop.context.cookies(), origins: [] } });
  const copiedPage = await copied.newPage();
  await copiedPage.goto("/incidents");
  await expect(copiedPage).toHaveURL(/\/incidents$/);

  await laptop.page.getByRole("button", { name: "Account menu for Sam Rivera" }).click();
  await laptop.page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in/);
  await copiedPage.goto("/incidents");
  await expect(copiedPage).toHaveURL(/\/sign-in/);

  const desk = await signedIn();
  const phone = await signedIn();
  await desk.page.getByRole("button", { name: "Account menu for Sam Rivera" }).click();
  await desk.page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  await expect(desk.page).toHaveURL(/\/sign-in/);
  await phone.page.goto("/incidents");
  await expect(phone.page).toHaveURL(/\/sign-in/);
  for (const context of [laptop.context, copied, desk.context, phone.context]) await context.close();
});
