import { expect, test, type Page, type Request } from "@playwright/test";
import { declareIncident, personPage } from "./helpers";

const timeline = (page: Page) => page.getByRole("list", { name: "Timeline events" });
// What a page would ask for again if it refetched instead of applying the event it was sent.
const isRefetch = (request: Request) => /\/api\/trpc\/[^?]*incidents\.(get|timeline)/.test(request.url());

test("five browsers watch one incident: a note reaches all of them in place, and nobody refetches", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(150_000);
  const commander = await personPage(browser, "responder");
  const title = `Fan-out ${Date.now().toString(36)}`;
  const url = await declareIncident(commander, title);
  const watchers = [await personPage(browser, "admin"), await personPage(browser, "viewer"), await personPage(browser, "sam"), await personPage(browser, "responder")];
  for (const page of watchers) await page.goto(url);
  const everyone = [commander, ...watchers];
  for (const page of everyone) await expect(page.getByTestId("live-status")).toHaveText("● Live");

  // Presence rides on the stream: every person with the page open is "here now" for the others.
  const here = commander.getByRole("region", { name: "Looking at this incident" });
  for (const name of ["Alex Admin", "Vic Viewer", "Sam Rivera", "Riley Responder"]) await expect(here).toContainText(name);

  const refetches: string[] = [];
  for (const page of everyone) page.on("request", (request) => isRefetch(request) && refetches.push(request.url()));
  await commander.getByLabel("Note", { exact: true }).fill("Failing over the primary");
  await commander.getByRole("button", { name: "Add note" }).click();
  for (const page of everyone) await expect(timeline(page)).toContainText("Failing over the primary");
  // The acting page too: its own change comes back once, through the stream, like everyone else's.
  await expect(timeline(commander).getByText("Failing over the primary")).toHaveCount(1);

  // State changes patch the header in place as well.
  await commander.getByRole("button", { name: "Acknowledge", exact: true }).click();
  for (const page of everyone) await expect(page.getByTestId("incident-status")).toHaveText("Investigating");
  expect(refetches).toEqual([]);

  // Leaving is seen too.
  await watchers[1]?.context().close();
  await expect(here).not.toContainText("Vic Viewer");
  for (const page of everyone) if (page !== watchers[1]) await page.context().close();
});
