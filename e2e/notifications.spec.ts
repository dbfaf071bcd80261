import { expect, test, type Page } from "@playwright/test";
import { declareIncident, personPage, signIn } from "./helpers";

const unreadCount = async (page: Page) => Number((await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).getAttribute("aria-label"))?.match(/(\d+) unread/)?.[1]);
/** A bell entry whether or not it has been read ("Unread: " leads the name of an unread one). */
const entry = (page: Page, headline: string) => page.getByRole("menuitem", { name: new RegExp(`^(Unread: )?${headline}`) });

// The demo seed gives Priya an overdue and a soon-due action item (and, as Platform's lead, runbook
// reviews); the server's start-up scan (a job on the queue) turns them into reminders. Only read here:
// what changes read state below is this attempt's own status updates, so a retry starts clean.
test("reminders from the start-up scan fill the bell, one opens its action item; reading drops the count", { tag: "@engine" }, async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "priya@example.com");
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  // The scan runs on the job worker shortly after start: look again until it has landed.
  await expect(async () => {
    await page.reload();
    await bell.click();
    await expect(entry(page, "Overdue: Alert on connection-pool saturation")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await expect(entry(page, "Due soon: Write the Postgres failover runbook")).toBeVisible();
  await expect(entry(page, "Review due: ").first()).toBeVisible();
  await entry(page, "Overdue: Alert on connection-pool saturation").click();
  await expect(page).toHaveURL(/\/action-items\?item=[0-9a-f-]{36}$/);
  await expect(page.getByTestId("action-item").filter({ hasText: "Alert on connection-pool saturation" })).toHaveAttribute("aria-current", "true");

  // Two status updates on an incident Priya follows: unread notices of this attempt's own.
  const responder = await personPage(browser, "responder");
  const title = `Bell ${Date.now().toString(36)}`;
  const url = await declareIncident(responder, title);
  await page.goto(url);
  const follow = page.getByRole("button", { name: /^Follow INC-\d+$/ });
  const reference = (await follow.getAttribute("aria-label"))!.replace("Follow ", "");
  await follow.click();
  await expect(page.getByRole("button", { name: `Unfollow ${reference}` })).toBeVisible();
  const composer = responder.getByRole("form", { name: "Add to the timeline" });
  for (const update of ["Rolling back the deploy.", "Error rate back to normal."]) {
    await composer.getByRole("radio", { name: "Status update" }).click();
    await composer.getByLabel("Status update for stakeholders").fill(update);
    await composer.getByRole("button", { name: "Post update" }).click();
    await expect(responder.getByText(update).first()).toBeVisible();
  }
  const headline = `Status update on ${reference} ${title}`;
  await expect(async () => {
    await page.goto("/incidents");
    await bell.click();
    await expect(page.getByRole("menuitem", { name: new RegExp(`^Unread: ${headline}`) })).toHaveCount(2, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press("Escape");
  const unread = await unreadCount(page);
  expect(unread).toBeGreaterThanOrEqual(2);

  await page.getByRole("button", { name: `Notifications, ${unread} unread` }).click();
  await page
    .getByRole("menuitem", { name: new RegExp(`^Unread: ${headline}`) })
    .first()
    .click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("button", { name: `Notifications, ${unread - 1} unread` })).toBeVisible();

  await page.getByRole("button", { name: `Notifications, ${unread - 1} unread` }).click();
  await page.getByRole("menuitem", { name: "Mark all read" }).click();
  // The menu stays open and turns read in place (the header is hidden from assistive tech while it is open).
  await expect(page.getByRole("menu", { name: "Notifications, 0 unread" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: new RegExp(`^${headline}`) })).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();

  // Stored, not only shown; and the bell works at phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByRole("button", { name: "Notifications, 0 unread" }).click();
  await expect(page.getByRole("menuitem", { name: new RegExp(`^${headline}`) }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
