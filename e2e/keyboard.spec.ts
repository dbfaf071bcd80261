import { expect, test, type Page } from "@playwright/test";
import { declareIncident, storageState } from "./helpers";

test.use({ storageState: storageState("responder") });

const timeline = (page: Page) => page.getByRole("list", { name: "Timeline events" });

/** Focus sits on a real element, never dropped to <body> (where the next Tab starts from the top). */
async function expectFocusNotOnBody(page: Page) {
  const where = await page.evaluate(() => {
    const active = document.activeElement;
    return !active || active === document.body ? "body" : active.tagName;
  });
  expect(where).not.toBe("body");
}

test("declare → note → status update → resolve from the keyboard in under 15 key presses after the title", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Keyboard only ${Date.now().toString(36)}`;
  const note = "Rolled back deploy 4411";
  const update = "Checkout is recovering; next update in 30 minutes";
  let presses = 0;
  const press = async (key: string) => {
    presses += 1;
    await page.keyboard.press(key);
  };

  await page.goto("/incidents");
  await expect(page.getByRole("button", { name: "Declare", exact: true })).toBeVisible();
  await page.keyboard.press("d");
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await expect(dialog.getByLabel("Title")).toBeFocused();
  await page.keyboard.type(title);

  // From here on every key press counts (the note and update texts are what was said, not navigation).
  await press("Enter");
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title })).toBeFocused();
  await expectFocusNotOnBody(page);

  await press("n");
  const noteBox = page.getByLabel("Note", { exact: true });
  await expect(noteBox).toBeFocused();
  await page.keyboard.type(note);
  await press("Control+Enter");
  await expect(timeline(page)).toContainText(note);
  await expect(noteBox).toHaveValue("");
  await expect(noteBox).toBeFocused();
  await expectFocusNotOnBody(page);

  await press("Escape");
  await expectFocusNotOnBody(page);
  await press("u");
  const updateBox = page.getByLabel("Status update for stakeholders");
  await expect(updateBox).toBeFocused();
  await page.keyboard.type(update);
  await press("Control+Enter");
  await expect(timeline(page)).toContainText(update);
  await expect(updateBox).toBeFocused();
  await expectFocusNotOnBody(page);

  await press("Escape");
  await press("r");
  const confirm = page.getByRole("alertdialog", { name: "Resolve?" });
  await expect(confirm.getByRole("button", { name: "Resolve", exact: true })).toBeFocused();
  await press("Enter");
  await expect(page.getByTestId("incident-status")).toHaveText("Resolved");
  await expect(confirm).toBeHidden();
  await expect(page.locator("#incident-status-focus")).toBeFocused();
  await expectFocusNotOnBody(page);

  await expect(timeline(page)).toContainText("Status Triage → Resolved");
  expect(presses).toBeLessThan(15);
  test.info().annotations.push({ type: "key presses after the title", description: String(presses) });
});

test("shortcuts ask before changing status, stay quiet while typing, and are listed on ?", async ({ page }) => {
  test.setTimeout(120_000);
  await declareIncident(page, `Shortcut checks ${Date.now().toString(36)}`);
  const status = page.getByTestId("incident-status");
  const noteBox = page.getByLabel("Note", { exact: true });

  // Typed into the note box, "a" and "r" are letters, not commands.
  await noteBox.click();
  await page.keyboard.type("a r m ?");
  await expect(noteBox).toHaveValue("a r m ?");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("radio", { name: "Note" })).toBeFocused();

  // The Note / Status update switch is one tab stop whose arrows move and choose.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Status update" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "Status update" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByLabel("Status update for stakeholders")).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Note" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("radio", { name: "Status update" })).toHaveAttribute("tabindex", "-1");

  // "Happened at" is behind a disclosure: Tab goes from the box to Add note to the disclosure, not into a date.
  await noteBox.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add note" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByText("Set when it happened")).toBeFocused();
  await expect(page.getByLabel("Happened at (optional)")).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Happened at (optional)")).toBeVisible();

  // Escape cancels a status key; nothing changes and focus does not fall to <body>.
  await page.getByRole("heading", { level: 1 }).focus();
  await page.keyboard.press("a");
  const acknowledge = page.getByRole("alertdialog", { name: "Acknowledge?" });
  await expect(acknowledge.getByRole("button", { name: "Acknowledge", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(acknowledge).toBeHidden();
  await expect(status).toHaveText("Triage");
  await expectFocusNotOnBody(page);

  await page.keyboard.press("a");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Investigating");
  await expect(page.locator("#incident-status-focus")).toBeFocused();
  await page.keyboard.press("m");
  await expect(page.getByRole("alertdialog", { name: "Mitigated — monitor?" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Monitoring");

  // A click that changes status also leaves focus on the new status, not on <body>.
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(status).toHaveText("Resolved");
  await expect(page.locator("#incident-status-focus")).toBeFocused();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const what of ["Write a note", "Write a status update", "Acknowledge (asks first)", "Resolve (asks first)", "Post the note or update"]) {
    await expect(help).toContainText(what);
  }
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  // Closed, focus lands on the help's own button, not on <body>.
  await expect(page.getByRole("button", { name: "Shortcuts" })).toBeFocused();
});
