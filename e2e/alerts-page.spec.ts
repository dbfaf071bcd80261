import { expect, test } from "@playwright/test";
import { personPage } from "./helpers";

test("an admin watches alerts arrive live, filters them by tier in the address, and reads one's raw payload", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await personPage(browser, "admin");

  // A generic JSON source, made as an admin does it.
  await admin.goto("/settings/alert-sources");
  const name = `Alerts page ${Date.now().toString(36)}`;
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Sends alerts as").selectOption({ label: "Generic JSON" });
  await admin.getByLabel("Name", { exact: true }).press("Enter");
  const token = (await admin.getByLabel(`Token for ${name}`, { exact: true }).textContent())?.trim() ?? "";
  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name }) });
  const url = (await card.getByLabel(`Address of ${name}`, { exact: true }).textContent())?.trim() ?? "";
  expect(token).toMatch(/^dta_/);

  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
  await expect(admin.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  const list = admin.getByRole("list", { name: "Alerts" });
  const tag = Date.now().toString(36);
  const critical = `Payments API down ${tag}`;
  const warning = `Disk 85% full ${tag}`;
  const post = (title: string, severity: string) =>
    admin.request.post(url, { headers: { authorization: `Bearer ${token}` }, data: { title, status: "firing", metadata: { severity, service: "payments", marker: "<b>not bold</b>" } } });

  // Posted while the page is open: both rows appear without a reload.
  expect((await post(warning, "warning")).status()).toBe(202);
  expect((await post(critical, "critical")).status()).toBe(202);
  await expect(list.getByRole("link", { name: critical })).toBeVisible();
  await expect(list.getByRole("link", { name: warning })).toBeVisible();

  // Filtering by tier is kept in the address, and narrows the list.
  await admin.getByLabel("Tier").selectOption({ label: "Critical" });
  await expect(admin).toHaveURL(/[?&]tier=critical/);
  await expect(list.getByRole("link", { name: warning })).toHaveCount(0);
  await expect(list.getByRole("link", { name: critical })).toBeVisible();

  // The alert's page shows the payload as text (markup in it stays text).
  await list.getByRole("link", { name: critical }).click();
  await expect(admin).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { name: critical, level: 1 })).toBeVisible();
  const raw = admin.getByRole("region", { name: "Raw payload" }).locator("pre");
  await expect(raw).toContainText(`"title": "${critical}"`);
  await expect(raw).toContainText('"marker": "<b>not bold</b>"');
  await expect(raw.locator("b")).toHaveCount(0);
});
