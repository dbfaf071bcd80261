import { expect, test } from "@playwright/test";
import { personPage } from "./helpers";

test("an admin writes routing rules on a phone-width screen, reorders them and tries labels against them", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await personPage(browser, "admin");
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/settings/users");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Alert routing" }).click();
  await expect(admin.getByRole("heading", { name: "Alert routing" })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Otherwise" })).toBeVisible();

  const suffix = Date.now().toString(36);
  const checkout = `Checkout ${suffix}`;
  const payments = `Payments ${suffix}`;

  // A rule with a regex matcher; a regex that does not compile is marked on its row first.
  await admin.getByRole("button", { name: "New rule" }).click();
  const form = admin.getByRole("form", { name: "New routing rule" });
  await form.getByLabel("Rule name").fill(checkout);
  await form.getByRole("button", { name: "Add matcher" }).click();
  await form.getByLabel("Label of matcher 1").fill("service");
  await form.getByLabel("Value of matcher 1").fill(`checkout-${suffix}`);
  await form.getByRole("button", { name: "Add matcher" }).click();
  await form.getByLabel("Label of matcher 2").fill("env");
  await form.getByLabel("Operator of matcher 2").selectOption("=~");
  await form.getByLabel("Value of matcher 2").fill("prod(");
  await form.getByLabel("Tier").selectOption({ label: "Critical — declares an incident and pages the owner team" });
  await form.getByLabel("Severity").selectOption({ label: "SEV2" });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByText("Matcher 2: This regular expression does not compile")).toBeVisible();
  await expect(form.getByLabel("Value of matcher 2")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Value of matcher 2").fill("prod|staging");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form).toHaveCount(0);

  const rules = admin.getByRole("list", { name: "Routing rules, in order" });
  const checkoutRow = rules.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: checkout }) });
  await expect(checkoutRow).toContainText(`service=checkout-${suffix}, env=~"prod|staging"`);
  await expect(checkoutRow).toContainText("Critical");
  await expect(checkoutRow).toContainText("SEV2");

  // A second rule, then the first moved below it. By keyboard: on a phone the toasts may sit over buttons.
  await admin.getByRole("button", { name: "New rule" }).press("Enter");
  const second = admin.getByRole("form", { name: "New routing rule" });
  await second.getByLabel("Rule name").fill(payments);
  await second.getByRole("button", { name: "Add matcher" }).click();
  await second.getByLabel("Label of matcher 1").fill("team");
  await second.getByLabel("Value of matcher 1").fill("payments");
  await second.getByLabel("Tier").selectOption({ label: "Warning — opens or joins a triage incident, nobody paged" });
  await second.getByLabel("Rule name").press("Enter");
  await expect(rules.getByRole("heading", { name: payments })).toBeVisible();

  const order = async () => (await rules.getByRole("heading").allTextContents()).filter((text) => text.includes(suffix)).map((text) => text.replace(/^Rule \d+: /, ""));
  await expect.poll(order).toEqual([checkout, payments]);
  await admin.getByRole("button", { name: `Move ${checkout} down` }).press("Enter");
  await expect.poll(order).toEqual([payments, checkout]);

  // Edited in its own row: the form opens there, with the focus on its first field.
  await admin.getByRole("button", { name: `Edit ${checkout}` }).press("Enter");
  const edit = checkoutRow.getByRole("form", { name: `Edit rule ${checkout}` });
  await expect(edit.getByLabel("Rule name")).toBeFocused();
  await expect(edit.getByLabel("Value of matcher 2")).toHaveValue("prod|staging");
  await edit.getByLabel("Window (minutes)").fill("45");
  await edit.getByRole("button", { name: "Save rule" }).press("Enter");
  await expect(edit).toHaveCount(0);
  await expect(checkoutRow).toContainText("45 min");

  // Try labels: the checkout rule still takes checkout's alerts, whatever their own severity label says.
  await admin.getByLabel("An alert's labels, one name=value a line").fill(`service=checkout-${suffix}\nenv=staging\nseverity=info`);
  await admin.getByRole("button", { name: "Try these labels" }).press("Enter");
  const result = admin.getByRole("definition");
  await expect(result.filter({ hasText: checkout })).toBeVisible();
  await expect(result.filter({ hasText: /^Critical \(the alert's own label says Info\)$/ })).toBeVisible();
  await expect(result.filter({ hasText: `["service","checkout-${suffix}"]` })).toBeVisible();
  await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Deleting asks first.
  await admin.getByRole("button", { name: `Delete ${payments}` }).press("Enter");
  await admin.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
  await expect(rules.getByRole("heading", { name: payments })).toHaveCount(0);
  await expect.poll(order).toEqual([checkout]);
});

test("an admin sets what happens when a source's alerts all resolve", async ({ browser }) => {
  const admin = await personPage(browser, "admin");
  await admin.goto("/settings/alert-sources");
  const name = `Auto resolve ${Date.now().toString(36)}`;
  await admin.getByLabel("Name", { exact: true }).fill(name);
  await admin.getByLabel("Name", { exact: true }).press("Enter");
  await admin.getByRole("button", { name: "I have copied it" }).click();

  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name }) });
  await card.getByRole("button", { name: "Setup and settings" }).click();
  const select = card.getByLabel("When every alert of an incident this source opened has resolved");
  await expect(select).toHaveValue("event");
  await select.selectOption({ label: "Resolve the incident" });
  await card.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Settings saved.")).toBeVisible();

  await admin.reload();
  await card.getByRole("button", { name: "Setup and settings" }).click();
  await expect(card.getByLabel("When every alert of an incident this source opened has resolved")).toHaveValue("resolve");
});
