import { expect, test, type Browser, type Page } from "@playwright/test";
import { caretUnderHeading, pasteIntoPostMortem, startPostMortem, postMortemDocument as documentOf, personPage, recordDialogs } from "./helpers";

// The editor's richer blocks: slash menu, tables, callouts, task lists, @mentions — written, then
// published and read back through the server's allow-list renderer; and hostile versions of the same.

/** Sam approves, the writer publishes; returns the published document as the writer sees it. */
async function publishThroughReview(browser: Browser, writer: Page, url: string, pwned: Page[]) {
  await expect(writer.getByTestId("sync-status")).toHaveText("All changes saved");
  await writer.getByRole("button", { name: "Send for review" }).click();
  await writer.getByRole("dialog", { name: "Send for review" }).getByLabel("Sam Rivera").check();
  await writer.getByRole("button", { name: "Send", exact: true }).click();
  await expect(writer.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: waiting");
  const sam = await personPage(browser, "sam");
  pwned.push(sam);
  await sam.goto(url);
  await sam.getByRole("button", { name: "Approve" }).click();
  await expect(sam.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: approved");
  await writer.reload();
  // Publish waits for the document (it checks for empty sections first).
  await expect(writer.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 45_000 });
  await writer.getByRole("button", { name: "Publish" }).click();
  // Template sections left empty: publishing warns, and this journey publishes as it is.
  await writer.getByRole("dialog", { name: "Some sections are empty" }).getByRole("button", { name: "Publish anyway" }).click();
  const published = writer.getByTestId("published-document");
  await expect(writer.getByText(/published by Riley Responder/)).toBeVisible();
  return { published, sam };
}

test("the slash menu inserts a table and a callout, @Sam mentions Sam Rivera, a task is ticked, a link is added, and the published view shows them", async ({ browser }) => {
  test.setTimeout(180_000);
  const riley = await personPage(browser, "responder");
  const url = await startPostMortem(riley, `Editor blocks ${Date.now().toString(36)}`);
  const doc = documentOf(riley);

  // Slash menu: an accessible listbox that filters as you type; Esc closes it and leaves the text.
  await caretUnderHeading(riley, "Summary");
  await riley.keyboard.type("/");
  const menu = riley.getByRole("listbox", { name: "Insert a block" });
  await expect(menu.getByRole("option", { name: /Timeline block/ })).toBeVisible();
  await riley.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await riley.keyboard.press("Backspace");

  await riley.keyboard.type("/tab");
  await expect(menu.getByRole("option")).toHaveCount(1);
  const table = menu.getByRole("option", { name: /Table/ });
  await expect(table).toHaveAttribute("aria-selected", "true");
  // While the list is open the document is a combobox pointing at the highlighted option.
  const combobox = riley.getByRole("combobox", { name: "Post-mortem document" });
  await expect(combobox).toHaveAttribute("aria-expanded", "true");
  await expect(combobox).toHaveAttribute("aria-activedescendant", (await table.getAttribute("id")) ?? "missing");
  await riley.keyboard.press("Enter");
  await expect(doc.locator("table th")).toHaveCount(3);
  await expect(doc.locator("table tr")).toHaveCount(3);
  await riley.keyboard.type("Service");
  await riley.keyboard.press("Tab");
  await riley.keyboard.type("Minutes down");

  // Arrow keys move the highlight: the second "callout" match is the warning one.
  await caretUnderHeading(riley, "Impact");
  await riley.keyboard.type("/callout");
  await expect(menu.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await riley.keyboard.press("ArrowDown");
  await expect(menu.getByRole("option", { name: /Warning callout/ })).toHaveAttribute("aria-selected", "true");
  await riley.keyboard.press("Enter");
  await riley.keyboard.type("Check the pool size before raising it.");
  await expect(doc.locator(".callout-warning")).toContainText("Check the pool size before raising it.");

  // @mention, then a task typed with the [] shortcut, then ticked.
  await caretUnderHeading(riley, "What went well");
  await riley.keyboard.type("Thanks to @Sam");
  await riley.getByRole("listbox", { name: "Mention a person" }).getByRole("option", { name: "Sam Rivera" }).waitFor();
  await riley.keyboard.press("Enter");
  await expect(doc.locator('span[data-type="mention"]')).toHaveText("@Sam Rivera");
  await riley.keyboard.type("for the quick restart.");
  await riley.keyboard.press("Enter");
  await riley.keyboard.type("[] Rotate the database credentials");
  const task = doc.getByRole("checkbox", { name: /Rotate the database credentials/ });
  await expect(task).not.toBeChecked();
  await task.check();
  await expect(task).toBeChecked();

  // "/action" opens the create-action-item dialog, titled with the line; the item joins the live block.
  await caretUnderHeading(riley, "Lessons learned");
  await riley.keyboard.type("Alert on pool saturation /action");
  await riley.keyboard.press("Enter");
  const dialog = riley.getByRole("dialog", { name: "New action item" });
  await expect(dialog.getByLabel("What needs doing")).toHaveValue("Alert on pool saturation");
  await dialog.getByLabel("Owner").selectOption({ label: "Riley Responder" });
  await dialog.getByRole("button", { name: "Create action item" }).click();
  await expect(doc.getByTestId("action-items-block")).toContainText("Alert on pool saturation");

  // A link on selected text: anything but a web or mail address is refused with a reason.
  await caretUnderHeading(riley, "Where we got lucky");
  await riley.keyboard.type("Read the status page.");
  await riley.keyboard.press("Shift+Home");
  await riley.getByRole("button", { name: "Link", exact: true }).click();
  const linkForm = riley.getByRole("dialog", { name: "Add a link" });
  await linkForm.getByLabel("Link address").fill("javascript:alert(1)");
  await linkForm.getByRole("button", { name: "Save link" }).click();
  await expect(linkForm.getByRole("alert")).toContainText("web address");
  await linkForm.getByLabel("Link address").fill("status.example.com/incidents/42");
  await linkForm.getByRole("button", { name: "Save link" }).click();
  await expect(linkForm).toBeHidden();
  await expect(doc.locator('a[href="https://status.example.com/incidents/42"]')).toHaveText("Read the status page.");
  // Saving hands focus back to the text, not to the toolbar: the writer types on, and Ctrl+K on the
  // link opens it for a change, with the address it has now.
  await expect(doc).toBeFocused();
  await riley.keyboard.press("Control+k");
  const change = riley.getByRole("dialog", { name: "Change the link" });
  await expect(change.getByLabel("Link address")).toHaveValue("https://status.example.com/incidents/42");
  await change.getByLabel("Link address").fill("https://status.example.com/incidents/43");
  await riley.keyboard.press("Enter");
  await expect(doc.locator('a[href="https://status.example.com/incidents/43"]')).toHaveText("Read the status page.");

  const pages = [riley];
  const { published, sam } = await publishThroughReview(browser, riley, url, pages);
  await expect(published.getByRole("link", { name: "Read the status page." })).toHaveAttribute("href", "https://status.example.com/incidents/43");
  await expect(published.getByRole("columnheader", { name: "Service" })).toBeVisible();
  await expect(published.getByRole("columnheader", { name: "Minutes down" })).toBeVisible();
  await expect(published.getByRole("note", { name: "Warning" })).toContainText("Check the pool size before raising it.");
  await expect(published.locator(".mention")).toHaveText("@Sam Rivera");
  const publishedTask = published.getByRole("checkbox", { name: "Done" });
  await expect(publishedTask).toBeChecked();
  await expect(publishedTask).toBeDisabled();
  await expect(published).toContainText("Rotate the database credentials");
  for (const page of [riley, sam]) await page.context().close();
});

const hostileBlocks = [
  "<p>Benign words stay.</p>",
  '<table><tr><th onmouseover="window.__pwned = \'th\'">Header<img src="x" onerror="window.__pwned = \'th-img\'"></th><th>Two</th></tr>',
  '<tr><td><script>window.__pwned = "cell-script"</script>cell text</td><td><svg onload="window.__pwned = \'cell-svg\'"></svg>two</td></tr></table>',
  '<ul data-type="taskList"><li data-type="taskItem" data-checked="true" onclick="window.__pwned = \'task\'"><p>hostile task<img src="x" onerror="window.__pwned = \'task-img\'"></p></li></ul>',
  '<p>Ask <span data-type="mention" data-id="&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;" data-label="&lt;img src=x onerror=&quot;window.__pwned = \'mention\'&quot;&gt;">@x</span> now</p>',
  '<div data-callout="" data-tone="x&quot; onload=&quot;window.__pwned = \'tone\'"><p>hostile callout</p></div>',
].join("");

test("hostile tables, task lists, mentions and callouts pasted in never run, in the editor or the published view", async ({ browser }) => {
  test.setTimeout(180_000);
  const riley = await personPage(browser, "responder");
  const dialogs: string[] = [];
  recordDialogs(riley, dialogs);
  const url = await startPostMortem(riley, `Hostile blocks ${Date.now().toString(36)}`);
  await caretUnderHeading(riley, "Summary");
  await pasteIntoPostMortem(riley, hostileBlocks, "Benign words stay.");
  const doc = documentOf(riley);
  await expect(doc).toContainText("cell text");
  await expect(doc).toContainText("hostile task");
  await expect(doc).toContainText("hostile callout");
  await expect(doc.locator("script, img, svg, [onerror], [onload], [onclick], [onmouseover]")).toHaveCount(0);

  const pages = [riley];
  const { published, sam } = await publishThroughReview(browser, riley, url, pages);
  recordDialogs(sam, dialogs);
  await expect(published).toContainText("cell text");
  await expect(published.getByRole("columnheader", { name: "Header" })).toBeVisible();
  await expect(published.getByRole("checkbox", { name: "Done" })).toBeDisabled();
  await expect(published).toContainText("hostile task");
  await expect(published.getByRole("note", { name: "Note" })).toContainText("hostile callout");
  await expect(published.locator(".callout")).toHaveClass("callout callout-info");
  // The fake mention's label is shown as text, never parsed as markup.
  await expect(published.locator(".mention")).toHaveText(`@<img src=x onerror="window.__pwned = 'mention'">`);
  await expect(published.locator("script, img, svg, iframe, [onerror], [onload], [onclick], [onmouseover], [data-id]")).toHaveCount(0);
  await published.getByText("hostile task").hover();
  await sam.reload();
  await expect(sam.getByTestId("published-document")).toContainText("cell text");
  for (const page of [riley, sam]) expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  for (const page of [riley, sam]) await page.context().close();
});
