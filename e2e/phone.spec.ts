import { expect, test, type Page } from "@playwright/test";
import { declareIncident, personPage, storageState } from "./helpers";

test.use({ storageState: storageState("responder") });

const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("at 390 px the incident timeline gives notes the full width and the action items table becomes cards with their status", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const suffix = Date.now().toString(36);
  await declareIncident(page, `Phone ${suffix}`);
  const note = "Payments are timing out for roughly one in five card checkouts since the 14:02 deploy of the gateway";
  await page.getByLabel("Note", { exact: true }).fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  const body = page.getByTestId("timeline-event").filter({ hasText: note }).getByText(note);
  await expect(body).toBeVisible();
  // The note gets (nearly) the card's full width, not a column squeezed beside the time and buttons.
  const noteWidth = (await body.boundingBox())?.width ?? 0;
  expect(noteWidth).toBeGreaterThan(250);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const title = `Add a canary stage for the gateway ${suffix}`;
  await page.getByRole("button", { name: "Add action item" }).click();
  const dialog = page.getByRole("dialog", { name: "New action item" });
  await dialog.getByLabel("What needs doing").fill(title);
  await dialog.getByLabel("Owner").selectOption({ label: "Riley Responder" });
  await dialog.getByRole("button", { name: "Create action item" }).click();
  await expect(dialog).toBeHidden();

  await page.goto("/action-items/dashboard");
  const card = page.getByTestId("dashboard-item").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("dashboard-item-status")).toBeVisible();
  await expect(card.getByTestId("dashboard-item-status")).toContainText("Open");
  const titleBox = await card.getByText(title).boundingBox();
  expect(titleBox?.width ?? 0).toBeGreaterThan(250);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("dashboard filters are history entries: Back returns to the previous filter, and the chart has axis values", async ({ page }) => {
  await page.goto("/action-items/dashboard");
  await expect(page.getByTestId("chart-y-axis")).toContainText("0");
  await expect(page.getByTestId("chart-x-axis")).not.toBeEmpty();
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Done" });
  await expect(page).toHaveURL(/status=done/);
  await page.getByRole("combobox", { name: "Priority", exact: true }).selectOption("high");
  await expect(page).toHaveURL(/priority=high/);
  await page.goBack();
  await expect(page).toHaveURL(/\/action-items\/dashboard\?status=done$/);
  await expect(page.getByRole("combobox", { name: "Priority", exact: true })).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("done");
  await page.goBack();
  await expect(page).toHaveURL(/\/action-items\/dashboard$/);
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("");
});

test("taking over as incident commander asks first; Escape keeps the commander", async ({ page, browser }) => {
  const url = await declareIncident(page, `Take over ${Date.now().toString(36)}`);
  const sam = await personPage(browser, "sam");
  await sam.goto(url);
  await expect(sam.getByTestId("role-commander")).toHaveText("Riley Responder");
  await sam.getByRole("button", { name: "Take over incident commander" }).click();
  const confirm = sam.getByRole("alertdialog", { name: "Take over incident commander?" });
  await expect(confirm).toContainText("Riley Responder is incident commander now");
  await expect(confirm.getByRole("button", { name: "Take over", exact: true })).toBeFocused();
  await sam.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(sam.getByTestId("role-commander")).toHaveText("Riley Responder");

  await sam.getByRole("button", { name: "Take over incident commander" }).click();
  await sam.keyboard.press("Enter");
  await expect(sam.getByTestId("role-commander")).toHaveText("Sam Rivera");
  await expect(page.getByTestId("role-commander")).toHaveText("Sam Rivera");
  await expect(sam.getByTestId("role-commander")).toBeFocused();
  await sam.context().close();
});

test("the declare dialog shows whole severity descriptions, keeps Declare in view with More details open, and searches services", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Declare", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  const sev1 = dialog.getByRole("radio", { name: /SEV1/ });
  await expect(sev1).toBeVisible();
  await expect(dialog.getByText("Critical: a core service is down or data is at risk for many customers.")).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /SEV3/ })).toBeChecked();
  const title = `Declare dialog ${Date.now().toString(36)}`;
  await dialog.getByLabel("Title").fill(title);
  await sev1.check();

  await dialog.getByRole("button", { name: "More details" }).click();
  const declare = dialog.getByRole("button", { name: "Declare", exact: true });
  await expect(declare).toBeInViewport({ ratio: 1 });
  const search = dialog.getByRole("searchbox", { name: "Search services" });
  await search.fill("pay");
  await expect(dialog.getByRole("checkbox", { name: "payments-gateway" })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "kafka" })).toBeHidden();
  await dialog.getByRole("checkbox", { name: "payments-gateway" }).check();
  await search.fill("kaf");
  await dialog.getByRole("checkbox", { name: "kafka" }).check();
  await search.fill("nothing like this");
  await expect(dialog.getByText("No service matches “nothing like this”.")).toBeVisible();
  await expect(declare).toBeInViewport({ ratio: 1 });
  await declare.click();

  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("incident-severity")).toContainText("SEV1");
  // Ticked services stay ticked while the search hides them.
  const services = page.locator("dt", { hasText: "Services" }).locator("xpath=following-sibling::dd");
  await expect(services).toContainText("kafka");
  await expect(services).toContainText("payments-gateway");
});
