import { expect, type Page, test } from "@playwright/test";
import { personPage } from "./helpers";

const timeline = (page: Page) => page.getByRole("list", { name: "Timeline events" });

async function newGenericSource(admin: Page) {
  await admin.goto("/settings/alert-sources");
  const name = `Checks ${Date.now().toString(36)}`;
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Sends alerts as").selectOption({ label: "Generic JSON" });
  await admin.getByLabel("Name", { exact: true }).press("Enter");
  const token = (await admin.getByLabel(`Token for ${name}`, { exact: true }).textContent())?.trim() ?? "";
  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name }) });
  const url = (await card.getByLabel(`Address of ${name}`, { exact: true }).textContent())?.trim() ?? "";
  return { name, token, url };
}

test("a critical alert becomes a SEV1 incident live in an open browser, pages the owner team, and its resolution follows live", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await personPage(browser, "admin");
  const source = await newGenericSource(admin);
  // Riley is on Payments, which owns the tier-1 checkout-api.
  const riley = await personPage(browser, "responder");
  await riley.goto("/incidents");
  const title = `Checkout 5xx above 10% ${Date.now().toString(36)}`;
  const alert = { title, deduplication_key: `e2e-${title}`, metadata: { severity: "critical", service: "checkout-api", alertname: "CheckoutErrors" } };

  const fired = await admin.request.post(source.url, { headers: { authorization: `Bearer ${source.token}` }, data: { ...alert, status: "firing" } });
  expect(fired.status()).toBe(202);

  // No reload: the list hears of the new incident.
  const row = riley.getByRole("link", { name: new RegExp(title) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(riley.getByRole("heading", { name: title })).toBeVisible();
  await expect(riley.getByText("SEV1").first()).toBeVisible();
  await expect(timeline(riley)).toContainText(`Opened by critical alert from ${source.name}: ${title}`);
  await expect(riley.getByTestId("role-commander")).toHaveText("unassigned");
  await expect(riley.getByRole("list", { name: "Alerts" })).toContainText(title);
  await expect(riley.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ })).toBeVisible();
  await riley.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ }).click();
  await expect(riley.getByRole("menu", { name: /^Notifications/ })).toContainText(title);
  await riley.keyboard.press("Escape");

  // The alert resolves: the open incident page shows it without a reload.
  const resolved = await admin.request.post(source.url, { headers: { authorization: `Bearer ${source.token}` }, data: { ...alert, status: "resolved" } });
  expect(resolved.status()).toBe(202);
  await expect(timeline(riley)).toContainText(`Alert resolved (${source.name}): ${title}`);
  await expect(timeline(riley)).toContainText("Every alert has resolved");
});
