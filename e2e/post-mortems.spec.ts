import { expect, test, type Page } from "@playwright/test";
import { caretUnderHeading, pasteIntoPostMortem, startPostMortem, postMortemDocument as documentOf, personPage, recordDialogs } from "./helpers";

async function typeUnderHeading(page: Page, heading: string, text: string) {
  await caretUnderHeading(page, heading);
  await page.keyboard.type(text);
}

test("two people write the same post-mortem at once, see each other's words and cursors, and it is saved", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  const title = `Ledger timeouts ${Date.now().toString(36)}`;
  const url = await startPostMortem(riley, title);
  const sam = await personPage(browser, "sam");
  await sam.goto(url);
  await expect(sam.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 45_000 });
  // The template's guidance shows where nothing is written yet.
  await expect(documentOf(sam).locator("[data-placeholder^='Who noticed what']")).toBeVisible();

  await typeUnderHeading(riley, "Summary", "The ledger ran out of database connections.");
  await expect(documentOf(sam)).toContainText("The ledger ran out of database connections.");
  await typeUnderHeading(sam, "Impact", "Payments were delayed for 14 minutes.");
  await expect(documentOf(riley)).toContainText("Payments were delayed for 14 minutes.");

  await expect(sam.locator(".collab-caret-label", { hasText: "Riley Responder" })).toBeVisible();
  await expect(riley.locator(".collab-caret-label", { hasText: "Sam Rivera" })).toBeVisible();
  await expect(riley.getByRole("region", { name: "Writing now" })).toContainText("Sam Rivera");

  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");
  await expect(sam.getByTestId("sync-status")).toHaveText("All changes saved");
  const reader = await personPage(browser, "admin");
  await reader.goto(url);
  // A third first load of the editor chunk: as slow as the others on a loaded machine (see startPostMortem).
  await expect(documentOf(reader)).toContainText("The ledger ran out of database connections.", { timeout: 45_000 });
  await expect(documentOf(reader)).toContainText("Payments were delayed for 14 minutes.");
  // The page arrives with the stored document and the socket then syncs the same content: once, not twice.
  await expect(reader.getByTestId("sync-status")).toHaveText("All changes saved");
  for (const page of [riley, sam, reader]) {
    await expect(documentOf(page).getByRole("heading", { name: "Summary", exact: true })).toHaveCount(1);
    await expect(documentOf(page).getByText("The ledger ran out of database connections.")).toHaveCount(1);
  }
  const [download] = await Promise.all([reader.waitForEvent("download"), reader.getByRole("link", { name: "Markdown" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^INC-\d+-post-mortem-r1\.md$/);
  const markdown = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(markdown).toContain("## Summary\n\nThe ledger ran out of database connections.");
  expect(markdown).toContain("## Impact\n\nPayments were delayed for 14 minutes.");
  await reader.goto("/post-mortems");
  // This attempt's own post-mortem (a retry's list also holds the first attempt's).
  await expect(reader.getByRole("link", { name: title })).toBeVisible();
  for (const page of [riley, sam, reader]) await page.context().close();
});

test("a viewer gets a read-only document; an outsider to a private incident cannot open its post-mortem", async ({ browser }) => {
  const riley = await personPage(browser, "responder");
  const openUrl = await startPostMortem(riley, `Open review ${Date.now().toString(36)}`);
  await typeUnderHeading(riley, "Summary", "Visible to every reader.");
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");

  const viewer = await personPage(browser, "viewer");
  await viewer.goto(openUrl);
  await expect(documentOf(viewer)).toContainText("Visible to every reader.", { timeout: 45_000 });
  await expect(viewer.getByTestId("sync-status")).toContainText("Read only");
  await expect(documentOf(viewer)).toHaveAttribute("contenteditable", "false");

  const secretUrl = await startPostMortem(riley, `Security review ${Date.now().toString(36)}`, { isPrivate: true });
  const outsider = await personPage(browser, "sam");
  expect((await outsider.goto(secretUrl))?.status()).toBe(404);
  for (const page of [riley, viewer, outsider]) await page.context().close();
});

const hostileHtml = [
  "<p>Benign words stay.</p>",
  "<script>window.__pwned = 'script'</script>",
  '<img src="x" onerror="window.__pwned = \'img\'">',
  "<a href=\"javascript:window.__pwned = 'link'\">click me</a>",
  '<svg onload="window.__pwned = \'svg\'"><circle r="1"></circle></svg>',
  '<p><a href="https://example.com/ok" onclick="window.__pwned = \'onclick\'">safe link</a></p>',
].join("");

test("hostile pasted content never runs, through review, approval and the published view", async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  const dialogs: string[] = [];
  recordDialogs(riley, dialogs);
  const url = await startPostMortem(riley, `Hostile paste ${Date.now().toString(36)}`);
  await caretUnderHeading(riley, "Summary");
  await pasteIntoPostMortem(riley, hostileHtml, "Benign words stay.");
  await expect(documentOf(riley)).toContainText("Benign words stay.");
  await expect(documentOf(riley)).toContainText("safe link");
  await expect(documentOf(riley).locator("script, img, svg, [onerror], [onload], [onclick], a[href^='javascript']")).toHaveCount(0);
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");

  await riley.getByRole("button", { name: "Send for review" }).click();
  await riley.getByRole("dialog", { name: "Send for review" }).getByLabel("Sam Rivera").check();
  await riley.getByRole("button", { name: "Send", exact: true }).click();
  await expect(riley.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: waiting");

  const sam = await personPage(browser, "sam");
  recordDialogs(sam, dialogs);
  await sam.goto(url);
  await sam.getByRole("button", { name: "Approve" }).click();
  await expect(sam.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: approved");

  await riley.reload();
  // Publish waits for the document (it checks for empty sections first).
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 45_000 });
  await riley.getByRole("button", { name: "Publish" }).click();
  await riley.getByRole("dialog", { name: "Some sections are empty" }).getByRole("button", { name: "Publish anyway" }).click();
  const published = riley.getByTestId("published-document");
  await expect(published).toContainText("Benign words stay.");
  await expect(riley.getByText(/published by Riley Responder/)).toBeVisible();
  await expect(published.getByRole("link", { name: "safe link" })).toHaveAttribute("href", "https://example.com/ok");
  await expect(published.locator("script, img, svg, iframe, [onerror], [onload], [onclick], a[href^='javascript']")).toHaveCount(0);
  await published
    .getByText("click me")
    .click()
    .catch(() => {});

  await sam.reload();
  await expect(sam.getByTestId("published-document")).toContainText("Benign words stay.");
  for (const page of [riley, sam]) expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await riley.context().close();
  await sam.context().close();
});

test("blame is flagged while typing, with why and a reframing; publishing waits until each flag is dismissed with a reason", async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  const url = await startPostMortem(riley, `Blame check ${Date.now().toString(36)}`);
  await typeUnderHeading(riley, "Contributing factors", "This was human error: Sam failed to check the config.");
  await expect(documentOf(riley).locator(".blame-flag").first()).toBeVisible();
  const panel = riley.getByRole("region", { name: "Blameless check" });
  await expect(panel).toContainText("human error");
  await expect(panel.getByTestId("blame-flag").first()).toContainText("Try:");
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");

  await riley.getByRole("button", { name: "Send for review" }).click();
  await riley.getByRole("dialog", { name: "Send for review" }).getByLabel("Sam Rivera").check();
  await riley.getByRole("button", { name: "Send", exact: true }).click();
  const sam = await personPage(browser, "sam");
  await sam.goto(url);
  await sam.getByRole("button", { name: "Approve" }).click();
  await expect(sam.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: approved");

  await riley.reload();
  // Publish waits for the document (it checks for empty sections first).
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 45_000 });
  await riley.getByRole("button", { name: "Publish" }).click();
  await riley.getByRole("dialog", { name: "Some sections are empty" }).getByRole("button", { name: "Publish anyway" }).click();
  await expect(riley.getByText(/blaming phrases? still open/)).toBeVisible();

  // In review the document is still editable by its writers, so flags can be dismissed there.
  const openFlags = panel.getByRole("button", { name: /^Dismiss the flag/ });
  await expect(openFlags.first()).toBeVisible();
  for (let count = await openFlags.count(); count > 0; count -= 1) {
    await openFlags.first().click();
    await panel.getByRole("textbox").fill("Quoted verbatim from the on-call's own write-up");
    await panel.getByRole("button", { name: "Dismiss", exact: true }).click();
    // Wait until this flag is gone before the next, so the same one is never dismissed twice.
    await expect(openFlags).toHaveCount(count - 1);
  }
  await expect(panel).toContainText("nothing flagged");
  await riley.getByRole("button", { name: "Publish" }).click();
  await riley.getByRole("dialog", { name: "Some sections are empty" }).getByRole("button", { name: "Publish anyway" }).click();
  await expect(riley.getByTestId("published-document")).toContainText("Sam failed to check the config.");
  await riley.context().close();
  await sam.context().close();
});

test("review steps reach every open page live: the reviewer sees Approve, the author Publish, a reader the published view", { tag: "@engine" }, async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  const url = await startPostMortem(riley, `Live review ${Date.now().toString(36)}`);
  await typeUnderHeading(riley, "Summary", "The cache stampeded after the deploy.");
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");
  const sam = await personPage(browser, "sam");
  const reader = await personPage(browser, "viewer");
  for (const page of [sam, reader]) {
    await page.goto(url);
    // Generous: on a loaded machine the editor chunk can take a while to arrive; the live checks below are timed.
    await expect(documentOf(page)).toContainText("The cache stampeded after the deploy.", { timeout: 60_000 });
  }
  await expect(documentOf(sam)).toHaveAttribute("contenteditable", "true");
  // "Within a second" measured below; the bound leaves room for a loaded 2-core machine.
  const live = { timeout: 3_000 };

  await riley.getByRole("button", { name: "Send for review" }).click();
  await riley.getByRole("dialog", { name: "Send for review" }).getByLabel("Sam Rivera").check();
  await riley.getByRole("button", { name: "Send", exact: true }).click();
  await expect(riley.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: waiting");
  let since = Date.now();
  await expect(sam.getByRole("button", { name: "Approve" })).toBeVisible(live);
  const toReviewer = Date.now() - since;
  // In review only the author writes; the reviewer's page says why it stopped being editable.
  // The reviewer's editor reconnects read-only (a new socket): not part of the timed live check.
  await expect(documentOf(sam)).toHaveAttribute("contenteditable", "false");
  await expect(sam.getByTestId("review-lock")).toContainText("only the author, Riley Responder, can change the text");
  await expect(documentOf(riley)).toHaveAttribute("contenteditable", "true");
  await expect(reader.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: waiting", live);

  await sam.getByRole("button", { name: "Approve" }).click();
  await expect(sam.getByRole("list", { name: "Reviewers" })).toContainText("Sam Rivera: approved");
  since = Date.now();
  await expect(riley.getByRole("button", { name: "Publish" })).toBeVisible(live);
  const toAuthor = Date.now() - since;

  // Publishing warns about the template's empty sections; the author removes them, then publishes.
  await riley.getByRole("button", { name: "Publish" }).click();
  const warning = riley.getByRole("dialog", { name: "Some sections are empty" });
  await expect(warning.getByRole("list", { name: "Empty sections" })).toContainText("Impact");
  await expect(warning.getByRole("list", { name: "Empty sections" })).not.toContainText("Summary");
  await warning.getByRole("button", { name: "Remove empty sections" }).click();
  await expect(documentOf(riley).getByRole("heading", { name: "Impact", exact: true })).toHaveCount(0);
  await expect(documentOf(riley).getByRole("heading", { name: "Summary", exact: true })).toHaveCount(1);
  await expect(riley.getByTestId("sync-status")).toHaveText("All changes saved");
  await riley.getByRole("button", { name: "Publish" }).click();
  await expect(riley.getByTestId("published-document")).toContainText("The cache stampeded after the deploy.");
  await expect(riley.getByTestId("published-document").getByRole("heading", { name: "Impact" })).toHaveCount(0);
  // The incident's facts read as a styled two-column list, not bare label/value lines.
  const facts = riley.getByTestId("published-document").locator("dl.reference-block");
  await expect(facts.locator("dt").first()).toHaveText("Severity");
  expect(await facts.evaluate((element) => [getComputedStyle(element).display, getComputedStyle(element).borderTopStyle])).toEqual(["grid", "solid"]);
  since = Date.now();
  await expect(reader.getByTestId("published-document")).toContainText("The cache stampeded after the deploy.", live);
  await expect(sam.getByTestId("published-document")).toContainText("The cache stampeded after the deploy.", live);
  const toReader = Date.now() - since;
  console.log(`live review: reviewer ${toReviewer} ms, author ${toAuthor} ms, reader ${toReader} ms`);
  for (const page of [riley, sam, reader]) await page.context().close();
});

/** Contrast ratio of two CSS colours as the page paints them (a canvas turns oklch into sRGB). */
async function contrast(page: Page, foreground: string, background: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const context = document.createElement("canvas").getContext("2d");
      if (!context) throw new Error("no canvas");
      const luminance = (color: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = color;
        context.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, bl = 0] = [...context.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      const [high, low] = [luminance(a ?? ""), luminance(b ?? "")].sort((x, y) => y - x) as [number, number];
      return (high + 0.05) / (low + 0.05);
    },
    [foreground, background],
  );
}

test("a blaming phrase is marked visibly in both themes, explained from the keyboard, and its rewording applied", async ({ browser }) => {
  test.setTimeout(150_000);
  const riley = await personPage(browser, "responder");
  await startPostMortem(riley, `Flag by keyboard ${Date.now().toString(36)}`);
  await typeUnderHeading(riley, "Contributing factors", "The engineer failed to check the flag.");
  const mark = documentOf(riley).locator(".blame-flag").first();
  await expect(mark).toHaveText("failed to");
  for (const scheme of ["light", "dark"] as const) {
    await riley.emulateMedia({ colorScheme: scheme });
    await expect(riley.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
    const [underline = "", card = ""] = await mark.evaluate((element) => [
      getComputedStyle(element).textDecorationColor,
      getComputedStyle(element.closest(".bg-card") ?? document.body).backgroundColor,
    ]);
    expect(await contrast(riley, underline, card), `${scheme} underline against the card`).toBeGreaterThanOrEqual(3);
  }
  // The editor is a focus stop with a visible ring.
  expect(await documentOf(riley).evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");

  // The caret moved into the phrase: its explanation appears under it, announced, focus still in the text.
  await riley.keyboard.press("Home");
  for (let i = 0; i < "The engineer fa".length; i += 1) await riley.keyboard.press("ArrowRight");
  const hint = riley.getByTestId("blame-flag-hint");
  await expect(hint).toContainText("“Failed to” about a person");
  await expect(hint).toContainText("Try:");
  await expect(documentOf(riley)).toBeFocused();
  await expect(riley.getByText("Flagged phrase: “Failed to” about a person. Press Alt+Enter for why and a rewording.")).toBeAttached();

  // Alt+Enter reaches "Apply suggestion"; applying rewords the phrase and returns to the text.
  await riley.keyboard.press("Alt+Enter");
  const apply = hint.getByRole("button", { name: /^Apply suggestion/ });
  await expect(apply).toBeFocused();
  await riley.keyboard.press("Enter");
  await expect(documentOf(riley)).toContainText("The engineer was not prompted to check the flag.");
  await expect(documentOf(riley)).toBeFocused();
  await expect(documentOf(riley).locator(".blame-flag")).toHaveCount(0);
  await expect(riley.getByRole("region", { name: "Blameless check" })).toContainText("nothing flagged");

  // From a flag, the panel of all flags is one Tab away; Esc from the explanation goes back to the text.
  await riley.keyboard.press("End");
  await riley.keyboard.type(" It was human error.");
  await riley.keyboard.press("ArrowLeft");
  await riley.keyboard.press("ArrowLeft");
  await expect(hint).toContainText("“Human error”");
  await riley.keyboard.press("Alt+Enter");
  await riley.keyboard.press("Escape");
  await expect(documentOf(riley)).toBeFocused();
  await riley.keyboard.press("Alt+Enter");
  await riley.keyboard.press("Tab");
  await expect(hint.getByRole("button", { name: "All flags (1)" })).toBeFocused();
  await riley.keyboard.press("Enter");
  await expect(riley.getByRole("heading", { name: /Blameless check: 1 phrase/ })).toBeFocused();
  await riley.context().close();
});
