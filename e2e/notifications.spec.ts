import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const unreadCount = async (page: Page) => Number((await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1]);

// The demo seed gives Priya an overdue and a soon-due action item (and, as Platform's lead, runbook
// reviews); the server's start-up scan (a job on the queue) turns them into reminders.
test("reminders from the start-up scan fill the bell; one opens its action item, and reading drops the count", { tag: "@engine" }, async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "priya@example.com");
  // The scan runs on the job worker shortly after start: look again until it has landed.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  const unread = await unreadCount(page);
  expect(unread).toBeGreaterThanOrEqual(2);

  await page.getByRole("button", { name: `Notifications, ${unread} unread` }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: /Due soon: Write the Postgres failover runbook/ })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: /Review due: / }).first()).toBeVisible();
  await menu.getByRole("menuitem", { name: /Unread: Overdue: Alert on connection-pool saturation/ }).click();

  await expect(page).toHaveURL(/\/action-items\?item=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("action-item").filter({ hasText: "Alert on connection-pool saturation" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("button", { name: `Notifications, ${unread - 1} unread` })).toBeVisible();

  await page.getByRole("button", { name: `Notifications, ${unread - 1} unread` }).click();
  await expect(page.getByRole("menuitem", { name: /^Overdue: Alert on connection-pool saturation/ })).toBeVisible();
  await page.getByRole("menuitem", { name: "Mark all read" }).click();
  // The menu stays open and turns read in place (the header is hidden from assistive tech while it is open).
  await expect(page.getByRole("menu", { name: "Notifications, 0 unread" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: /^Due soon: Write the Postgres failover runbook/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();

  // Stored, not only shown; and the bell works at phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByRole("button", { name: "Notifications, 0 unread" }).click();
  await expect(page.getByRole("menuitem", { name: /Due soon: Write the Postgres failover runbook/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
