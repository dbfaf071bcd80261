import { expect, test, type Page } from "@playwright/test";
import { declareIncident, personPage } from "./helpers";

const timeline = (page: Page) => page.getByRole("list", { name: "Timeline events" });

test("declare → acknowledge → roles → note → mitigate → resolve, every step on the timeline and live in a second browser", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(150_000);
  const commander = await personPage(browser, "responder");
  const watcher = await personPage(browser, "sam");
  const title = `Checkout 500s ${Date.now().toString(36)}`;
  const url = await declareIncident(commander, title);
  await watcher.goto(url);
  await expect(watcher.getByRole("heading", { name: title })).toBeVisible();
  await expect(watcher.getByTestId("live-status")).toHaveText("● Live");

  await commander.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(commander.getByTestId("incident-status")).toHaveText("Investigating");
  await expect(watcher.getByTestId("incident-status")).toHaveText("Investigating");
  await expect(timeline(watcher)).toContainText("Status Triage → Investigating");

  await commander.getByRole("combobox", { name: "Assign Scribe to" }).selectOption({ label: "Sam Rivera" });
  await expect(watcher.getByTestId("role-scribe")).toHaveText("Sam Rivera");
  await watcher.getByRole("button", { name: "I'll take operations lead" }).click();
  await expect(commander.getByTestId("role-operations")).toHaveText("Sam Rivera");

  await commander.getByLabel("Note", { exact: true }).fill("Rolled back deploy 4411");
  await commander.getByRole("button", { name: "Add note" }).click();
  await expect(timeline(watcher)).toContainText("Rolled back deploy 4411");

  await commander.getByRole("button", { name: "Mitigated — monitor" }).click();
  await expect(commander.getByTestId("incident-status")).toHaveText("Monitoring");
  await expect(watcher.getByTestId("incident-status")).toHaveText("Monitoring");
  await commander.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(watcher.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(watcher.getByTestId("metric-ttr")).not.toHaveText("—");

  for (const step of [
    "Declared SEV3 incident",
    "Riley Responder is Incident commander",
    "Status Triage → Investigating",
    "Sam Rivera is Scribe",
    "Sam Rivera is Operations lead",
    "Rolled back deploy 4411",
    "Status Investigating → Monitoring",
    "Status Monitoring → Resolved",
  ]) {
    await expect(timeline(commander)).toContainText(step);
  }
  // The second browser saw it all without a reload, and sees the list change too.
  await watcher.goto("/incidents?status=resolved");
  await expect(watcher.getByRole("link", { name: title })).toBeVisible();
  await commander.context().close();
  await watcher.context().close();
});

test("a viewer reads an incident but has no control that acts on it", async ({ browser }) => {
  const responder = await personPage(browser, "responder");
  const url = await declareIncident(responder, `Viewer check ${Date.now().toString(36)}`);
  const viewer = await personPage(browser, "viewer");
  await viewer.goto(url);
  await expect(timeline(viewer)).toContainText("Declared SEV3 incident");
  for (const name of ["Acknowledge", "Add note", "Edit details", "Declare", "Declare incident"]) {
    await expect(viewer.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  await expect(viewer.getByRole("button", { name: /I'll take/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Highlight for the post-mortem" })).toHaveCount(0);
  await responder.context().close();
  await viewer.context().close();
});

test("an outsider cannot find a private incident: not in the list, not by search, and its link is a 404", { tag: "@engine" }, async ({ browser }) => {
  const owner = await personPage(browser, "responder");
  const title = `Credential leak ${Date.now().toString(36)}`;
  const url = await declareIncident(owner, title, { isPrivate: true });
  await expect(owner.getByText("Private", { exact: true })).toBeVisible();

  const outsider = await personPage(browser, "sam");
  await outsider.goto("/incidents?status=all");
  await expect(outsider.getByRole("list", { name: "Incidents" })).toBeVisible();
  await expect(outsider.getByRole("link", { name: title })).toHaveCount(0);
  await outsider.goto(`/incidents?status=all&q=${encodeURIComponent(title)}`);
  await expect(outsider.getByRole("heading", { name: "No incidents match these filters" })).toBeVisible();
  const response = await outsider.goto(url);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "This page does not exist" })).toBeVisible();

  const admin = await personPage(browser, "admin");
  await admin.goto(url);
  await expect(admin.getByRole("heading", { name: title })).toBeVisible();
  for (const page of [owner, outsider, admin]) await page.context().close();
});

test("two people editing the same field: the second gets a conflict that says what changed, not a silent overwrite", async ({ browser }) => {
  const first = await personPage(browser, "responder");
  const url = await declareIncident(first, `Conflict ${Date.now().toString(36)}`);
  const second = await personPage(browser, "sam");
  await second.goto(url);

  await first.getByRole("button", { name: "Edit details" }).click();
  await second.getByRole("button", { name: "Edit details" }).click();
  await first.getByLabel("Title").fill("EU checkout failing");
  await second.getByLabel("Title").fill("Payments provider outage");
  await first.getByRole("button", { name: "Save details" }).click();
  await expect(first.getByRole("heading", { name: "EU checkout failing" })).toBeVisible();

  await second.getByRole("button", { name: "Save details" }).click();
  await expect(second.getByText(/Someone changed this incident while you were editing \(Title changed\)/)).toBeVisible();
  await expect(second.getByRole("heading", { name: "EU checkout failing" })).toBeVisible();
  await first.reload();
  await expect(first.getByRole("heading", { name: "EU checkout failing" })).toBeVisible();
  await first.context().close();
  await second.context().close();
});

test("an admin defines an incident role with a guide; responders can take it on any incident", async ({ browser }) => {
  const admin = await personPage(browser, "admin");
  const name = `Customer liaison ${Date.now().toString(36)}`;
  await admin.goto("/settings/incident-roles");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel(/Guide/).fill("Keeps our largest customers informed one to one.");
  await admin.getByRole("button", { name: "Add role" }).click();
  await expect(admin.getByText(`${name} is now offered on every incident.`)).toBeVisible();

  const responder = await personPage(browser, "responder");
  await declareIncident(responder, `Role check ${Date.now().toString(36)}`);
  await responder.getByRole("button", { name: `I'll take ${name.toLowerCase()}` }).click();
  await expect(responder.getByRole("list", { name: "Timeline events" })).toContainText(`Riley Responder is ${name}`);
  await admin.context().close();
  await responder.context().close();
});

test("a refused status change or milestone correction says why beside the field at fault", async ({ browser }) => {
  const page = await personPage(browser, "responder");
  const url = await declareIncident(page, `Field errors ${Date.now().toString(36)}`);
  await page.goto(url);

  await page.getByRole("button", { name: "Merge into…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Merge into (reference)").fill("INC-999999");
  await dialog.getByLabel("Reason").fill("Same outage as the other one");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const mergeField = dialog.getByLabel("Merge into (reference)");
  await expect(mergeField).toHaveAttribute("aria-invalid", "true");
  await expect(mergeField).toHaveAccessibleDescription(/incident/i);
  await expect(page.getByTestId("incident-status")).toHaveText("Triage");
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Correct declared time" }).click();
  const declared = page.getByLabel("Declared time", { exact: true });
  await declared.fill("2099-01-01T10:00");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(declared).toHaveAttribute("aria-invalid", "true");
  await expect(declared).toHaveAccessibleDescription("A milestone cannot be in the future.");
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page.getByLabel("Declared time", { exact: true })).toHaveCount(0);
  await page.context().close();
});
