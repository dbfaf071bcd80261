import { expect, test } from "@playwright/test";
import { storageState } from "./helpers";

test.use({ storageState: storageState("responder") });

test("at phone width every section is reachable and the account menu works", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incidents");
  const nav = page.getByRole("navigation", { name: "Main" });
  // The sections sit behind a menu button, not in a row that hid the last ones off-screen.
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Settings" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const section of ["Incidents", "Alerts", "Post-mortems", "Action items", "Runbooks", "Settings"]) {
    await expect(nav.getByRole("link", { name: section })).toBeInViewport();
  }
  await nav.getByRole("link", { name: "Runbooks" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Runbooks" })).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/teams$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // Nothing on the page is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "Account menu for Riley Responder" }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out", exact: true })).toBeVisible();
});

test("dark mode follows the system and the toggle overrides it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/settings/services");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Account menu for Riley Responder" }).click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("an unknown address shows a helpful 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to Daytwo" })).toBeVisible();
});
