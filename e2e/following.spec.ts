import { expect, test } from "@playwright/test";
import { declareIncident, personPage } from "./helpers";

// A viewer follows an incident from its page; the responder's status update reaches the viewer's
// bell; Settings → Following lists it and unfollows it. At phone width.
test("a viewer follows an incident, hears of a status update in the bell, and unfollows it in settings", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(150_000);
  const responder = await personPage(browser, "responder");
  const title = `Follow me ${Date.now().toString(36)}`;
  const url = await declareIncident(responder, title);

  const viewer = await personPage(browser, "viewer");
  await viewer.setViewportSize({ width: 390, height: 844 });
  await viewer.goto(url);
  const follow = viewer.getByRole("button", { name: /^Follow INC-\d+$/ });
  const reference = (await follow.getAttribute("aria-label"))!.replace("Follow ", "");
  await follow.focus();
  await viewer.keyboard.press("Enter");
  await expect(viewer.getByRole("button", { name: `Unfollow ${reference}` })).toBeVisible();

  const composer = responder.getByRole("form", { name: "Add to the timeline" });
  await composer.getByRole("radio", { name: "Status update" }).click();
  await composer.getByLabel("Status update for stakeholders").fill("Rolling back the deploy.");
  await composer.getByRole("button", { name: "Post update" }).click();
  await expect(responder.getByText("Rolling back the deploy.").first()).toBeVisible();

  // The worker writes the notice within moments; the bell counts it on its next refresh. No reload
  // loop: on a loaded CI machine a reload plus the bell's first count took longer than a short
  // click timeout, and each reload started the wait over (the notice was there all along).
  const headline = `Status update on ${reference} ${title}`;
  const bell = viewer.getByRole("button", { name: /^Notifications, [1-9]\d* unread$/ });
  await expect(bell).toBeVisible({ timeout: 60_000 });
  await bell.click();
  await expect(viewer.getByRole("menuitem", { name: new RegExp(`Unread: ${headline}`) })).toBeVisible();
  await viewer.getByRole("menuitem", { name: new RegExp(`Unread: ${headline}`) }).click();
  await expect(viewer).toHaveURL(url);

  await viewer.goto("/settings/following");
  const incidents = viewer.getByRole("region", { name: "Incidents" });
  await expect(incidents.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await incidents.getByRole("button", { name: `Unfollow ${reference}` }).click();
  // This incident leaves the list (a retry's viewer may still follow the first attempt's incident,
  // so the list need not be empty).
  await expect(incidents.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
  await expect(incidents.getByRole("button", { name: `Unfollow ${reference}` })).toHaveCount(0);
  const overflow = await viewer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
