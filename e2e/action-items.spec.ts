import { expect, test } from "@playwright/test";
import { caretUnderHeading, declareIncident, personPage } from "./helpers";

test("turn a post-mortem sentence into an owned action item: it shows in the post-mortem, under My action items and on the incident timeline; done records who", async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  const title = `Queue backlog ${Date.now().toString(36)}`;
  const incidentUrl = await declareIncident(riley, title);
  await riley.getByRole("button", { name: "Start post-mortem" }).click();
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");
  await caretUnderHeading(riley, "Contributing factors");
  const sentence = "Alert on consumer lag above five minutes";
  await riley.keyboard.type(sentence);
  await riley.keyboard.press("Shift+Home");

  await riley.getByRole("button", { name: "Action item from selection" }).click();
  const dialog = riley.getByRole("dialog", { name: "New action item" });
  await expect(dialog.getByLabel("What needs doing")).toHaveValue(sentence);
  await dialog.getByLabel("Owner").selectOption({ label: "Sam Rivera" });
  await dialog.getByLabel("Tracker link (optional)").fill("https://jira.example.com/browse/OPS-123");
  await dialog.getByRole("button", { name: "Create action item" }).click();
  await expect(riley.getByTestId("action-items-block")).toContainText(sentence);
  await expect(riley.getByTestId("action-items-block")).toContainText("OPS-123");

  const sam = await personPage(browser, "sam");
  await sam.goto("/action-items");
  const item = sam.getByTestId("action-item").filter({ hasText: sentence });
  await expect(item).toContainText("Sam Rivera");
  await expect(item).not.toContainText("Overdue");

  // A lead finds it on the dashboard, filtered by owner (kept in the URL), and re-dates it with the keyboard.
  await riley.goto("/action-items/dashboard");
  await riley.getByRole("combobox", { name: "Owner", exact: true }).selectOption({ label: "Sam Rivera" });
  await expect(riley).toHaveURL(/ownerId=[0-9a-f-]{36}/);
  await expect(riley.getByRole("table", { name: "Open action items by owner" })).toContainText("Sam Rivera");
  const row = riley.getByTestId("dashboard-item").filter({ hasText: sentence });
  await expect(row).toContainText("Sam Rivera");
  await row.click();
  await riley.keyboard.press("x");
  await expect(row).toHaveAttribute("aria-selected", "true");
  const bulk = riley.getByRole("form", { name: "Change selected action items" });
  await expect(bulk).toContainText("1 selected");
  await bulk.getByLabel("New due date").fill("2027-03-01");
  await bulk.getByRole("button", { name: "Apply to 1" }).click();
  await expect(row.locator("time")).toHaveAttribute("dateTime", /^2027-03-0[12]T/);
  const csv = await riley.request.get((await riley.getByRole("link", { name: "Export CSV" }).getAttribute("href")) ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`${sentence},Sam Rivera`);

  // The owner's page turns the item overdue when the clock passes its due date.
  await sam.clock.install();
  await sam.reload();
  await expect(item).toBeVisible();
  await expect(item).not.toContainText("Overdue");
  await sam.clock.fastForward(200 * 86_400_000);
  await expect(item).toContainText("Overdue");
  await item.getByRole("combobox", { name: `Status of ${sentence}` }).selectOption("done");
  await expect(item).toContainText("done by Sam Rivera");
  await expect(item).not.toContainText("Overdue");

  await riley.goto(incidentUrl);
  const timeline = riley.getByRole("list", { name: "Timeline events" });
  await expect(timeline).toContainText(`Action item for Sam Rivera: ${sentence}`);
  await expect(timeline).toContainText(`Action item "${sentence}" is Done`);

  // From the incident page: an item that will not be done needs a reason, asked for in place.
  await riley.getByRole("button", { name: "Add action item" }).click();
  const addDialog = riley.getByRole("dialog", { name: "New action item" });
  await addDialog.getByLabel("What needs doing").fill("Rewrite the consumer in Rust");
  await addDialog.getByLabel("Owner").selectOption({ label: "Riley Responder" });
  await addDialog.getByRole("button", { name: "Create action item" }).click();
  await riley.getByRole("combobox", { name: "Status of Rewrite the consumer in Rust" }).selectOption("wont_do");
  await riley.getByRole("textbox", { name: "Why “Rewrite the consumer in Rust” won't be done" }).fill("Lag alerting covers the risk");
  await riley.getByRole("button", { name: "Save", exact: true }).click();
  await expect(riley.getByTestId("action-item").filter({ hasText: "Rewrite the consumer in Rust" })).toContainText("Lag alerting covers the risk");
  await expect(timeline).toContainText(`Action item "Rewrite the consumer in Rust" is Won't do — Lag alerting covers the risk`);
  await riley.context().close();
  await sam.context().close();
});

test("a follow-up of no incident is created from the Action items page and shows under My action items", async ({ browser }) => {
  const riley = await personPage(browser, "responder");
  const title = `Tidy the on-call handbook ${Date.now().toString(36)}`;
  await riley.goto("/action-items");
  await riley.getByRole("button", { name: "New action item" }).click();
  const dialog = riley.getByRole("dialog", { name: "New action item" });
  await expect(dialog).toContainText("30 days from today");
  await dialog.getByLabel("What needs doing").fill(title);
  await dialog.getByLabel("Owner").selectOption({ label: "Riley Responder" });
  await dialog.getByRole("button", { name: "Create action item" }).click();
  await expect(riley.getByTestId("action-item").filter({ hasText: title })).toContainText("Riley Responder");
  await riley.context().close();
});
