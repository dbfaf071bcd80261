import { expect, test } from "@playwright/test";
import { personPage } from "./helpers";

test("an admin adds an alert source on a phone-width screen, copies its token once, and alerts arrive with it", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await personPage(browser, "admin");
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/settings/users");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Alert sources" }).click();
  await expect(admin.getByRole("heading", { name: "Alert sources" })).toBeVisible();

  // By keyboard: type the name, pick the kind, Enter submits.
  const name = `Uptime checks ${Date.now().toString(36)}`;
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Sends alerts as").selectOption({ label: "Generic JSON" });
  await admin.getByLabel("Name", { exact: true }).press("Enter");

  const notice = admin.getByRole("status").filter({ hasText: `Token for ${name}` });
  const token = (await notice.getByLabel(`Token for ${name}`, { exact: true }).textContent())?.trim() ?? "";
  expect(token).toMatch(/^dta_/);
  await expect(notice.getByRole("button", { name: `Copy Token for ${name}` })).toBeVisible();

  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name }) });
  const url = (await card.getByLabel(`Address of ${name}`, { exact: true }).textContent())?.trim() ?? "";
  expect(url).toMatch(/\/api\/alerts\/[0-9a-f-]{36}$/);

  // A monitoring system posting with the token is accepted; without it, refused.
  const accepted = await admin.request.post(url, { headers: { authorization: `Bearer ${token}` }, data: { title: "Homepage down", status: "firing" } });
  expect(accepted.status()).toBe(202);
  expect((await admin.request.post(url, { data: { title: "Homepage down", status: "firing" } })).status()).toBe(401);

  await card.getByRole("button", { name: "Send a test alert" }).click();
  await expect(admin.getByText("A test alert was received.")).toBeVisible();

  // The setup holds the token while the page still has it, and counts what arrived. By keyboard: on a
  // phone the toasts may still sit over the card's buttons.
  await card.getByRole("button", { name: "Setup and settings" }).press("Enter");
  await expect(card.getByText("2 alerts received.")).toBeVisible();
  await expect(card.getByLabel("Test with curl", { exact: true })).toContainText(token);
  await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Once dismissed, the token is gone from the page for good.
  await notice.getByRole("button", { name: "I have copied it" }).press("Enter");
  await expect(admin.getByText(token)).toHaveCount(0);
  await expect(card.getByLabel("Test with curl", { exact: true })).toContainText("<TOKEN>");
});
