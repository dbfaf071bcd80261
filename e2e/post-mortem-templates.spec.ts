import { expect, test } from "@playwright/test";
import { declareIncident, personPage } from "./helpers";

test("an admin builds a template on a phone-width screen, and a commander starts a post-mortem from it", async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await personPage(browser, "admin");
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/settings/incident-roles");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Post-mortem templates" }).click();
  await expect(admin.getByRole("heading", { name: "Post-mortem templates" })).toBeVisible();
  const name = `Security review ${Date.now().toString(36)}`;
  // A retry must start where the first attempt did: if that attempt stopped while its template was
  // the default, put the seeded default back first (new templates start from the default's sections).
  await expect(admin.getByRole("list", { name: "Post-mortem templates" }).getByRole("listitem").first()).toBeVisible();
  const seededDefault = admin.getByRole("button", { name: "Make Blameless post-mortem the default" });
  if (await seededDefault.isVisible()) {
    await seededDefault.click();
    await expect(seededDefault).toBeHidden();
  }

  // A new template starts from the default's sections: keep two, reorder, rewrite a prompt, add one.
  await admin.getByRole("button", { name: "New template" }).click();
  const form = admin.getByRole("form", { name: "New template" });
  await form.getByLabel("Template name").fill(name);
  // Wait for the form's sections before counting them: count() does not wait, and on a slow machine
  // it could read the list before React has rendered it (and then skip every removal).
  await expect(form.getByLabel("Section 1 title")).toHaveValue("Summary");
  const sectionItems = form.getByRole("listitem");
  for (let count = await sectionItems.count(); count > 2; count -= 1) {
    await form.getByRole("button", { name: "Remove section 3" }).click();
    await expect(sectionItems).toHaveCount(count - 1);
  }
  await form.getByRole("button", { name: "Move section 2 up" }).click();
  await expect(form.getByLabel("Section 1 title")).toHaveValue("Impact");
  await form.getByLabel("Section 1 guidance prompt").fill("Which data, whose, and for how long?");
  await form.getByRole("button", { name: "Add section" }).click();
  await form.getByLabel("Section 3 title").fill("Disclosure");
  await form.getByLabel("Section 3 guidance prompt").fill("Who was told, and when?");
  await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await form.getByRole("button", { name: "Save template" }).click();
  const sections = admin.getByRole("list", { name: `Sections of ${name}` });
  await expect(sections.getByRole("listitem")).toHaveText(["Impact — Which data, whose, and for how long?", /^Summary/, "Disclosure — Who was told, and when?"]);

  // Two sections may not share a title; the message says what to fix.
  await admin.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = admin.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Section 3 title").fill("impact");
  await edit.getByRole("button", { name: "Save template" }).click();
  await expect(edit.getByRole("alert")).toContainText("Two sections have the same title");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // Default can move and move back (other journeys rely on the seeded default).
  await admin.getByRole("button", { name: `Make ${name} the default` }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: name }).getByText("Default", { exact: true })).toBeVisible();
  await admin.getByRole("button", { name: "Make Blameless post-mortem the default" }).click();
  await expect(admin.getByRole("listitem").filter({ hasText: name }).getByText("Default", { exact: true })).toBeHidden();

  // The commander picks the template when starting.
  const riley = await personPage(browser, "responder");
  await declareIncident(riley, `Token leak ${Date.now().toString(36)}`);
  await riley.getByRole("combobox", { name: "Post-mortem template" }).selectOption({ label: name });
  await riley.getByRole("button", { name: "Start post-mortem" }).click();
  await expect(riley).toHaveURL(/\/post-mortems\/[0-9a-f-]{36}$/);
  const doc = riley.getByRole("textbox", { name: "Post-mortem document" });
  await expect(doc.getByRole("heading", { level: 2 })).toHaveText(["Impact", "Summary", "Disclosure"]);
  await expect(doc.locator("[data-placeholder='Who was told, and when?']")).toBeVisible();

  // Deleting the template later leaves the post-mortem started from it as it was.
  await admin.getByRole("button", { name: `Delete ${name}` }).click();
  const confirm = admin.getByRole("dialog", { name: `Delete “${name}”?` });
  await expect(confirm).toContainText("keep their sections");
  await confirm.getByRole("button", { name: "Delete template" }).click();
  await expect(admin.getByRole("list", { name: `Sections of ${name}` })).toHaveCount(0);
  await riley.reload();
  await expect(doc.getByRole("heading", { level: 2 })).toHaveText(["Impact", "Summary", "Disclosure"]);

  const viewer = await personPage(browser, "viewer");
  expect((await viewer.goto("/settings/post-mortem-templates"))?.status()).toBe(404);
  for (const page of [admin, riley, viewer]) await page.context().close();
});
