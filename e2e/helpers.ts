import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "daytwo-demo";
export const demo = {
  admin: "admin@example.com",
  responder: "responder@example.com",
  viewer: "viewer@example.com",
} as const;

export const storageState = (role: keyof typeof demo) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents$/);
}

export const isEmbedded = () => !process.env.DATABASE_URL;

/** A signed-in page in its own browser context, for journeys with several people at once. */
export async function personPage(browser: import("@playwright/test").Browser, role: keyof typeof demo | "sam") {
  const context = await browser.newContext({ storageState: role === "sam" ? { cookies: [], origins: [] } : storageState(role) });
  const page = await context.newPage();
  if (role === "sam") await signIn(page, "sam@example.com");
  return page;
}

export async function declareIncident(page: Page, title: string, options: { isPrivate?: boolean } = {}) {
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Declare incident", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await dialog.getByLabel("Title").fill(title);
  if (options.isPrivate) {
    await dialog.getByRole("button", { name: "More details" }).click();
    await dialog.getByLabel("Private — only participants and admins can see it").check();
  }
  await dialog.getByRole("button", { name: "Declare", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Collects every alert/confirm/prompt a page opens (and dismisses it): hostile-content tests expect none. */
export function recordDialogs(page: Page, into: string[]): void {
  page.on("dialog", (dialog) => {
    into.push(dialog.message());
    void dialog.dismiss();
  });
}

export const postMortemDocument = (page: Page) => page.getByRole("textbox", { name: "Post-mortem document" });

/**
 * Puts the caret on the empty line under a post-mortem section's heading. A chip or menu appearing
 * can shift the layout between finding the heading and clicking it (the caret then lands a line
 * off, and the text goes under another section): where the caret landed is checked, and the click
 * repeated until it is right.
 */
export async function caretUnderHeading(page: Page, heading: string): Promise<void> {
  await expect(async () => {
    await postMortemDocument(page).getByRole("heading", { name: heading, exact: true }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    const headingAbove = await page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      const block = element?.closest(".ProseMirror > *");
      const above = block?.previousElementSibling;
      return above && /^H[1-6]$/.test(above.tagName) ? above.textContent : null;
    });
    expect(headingAbove).toBe(heading);
  }).toPass({ timeout: 15_000 });
}

/** Declares an incident, starts its post-mortem and waits for the editor; returns the post-mortem's address. */
export async function startPostMortem(page: Page, title: string, options: { isPrivate?: boolean } = {}): Promise<string> {
  await declareIncident(page, title, options);
  await page.getByRole("button", { name: "Start post-mortem" }).click();
  await expect(page).toHaveURL(/\/post-mortems\/[0-9a-f-]{36}$/);
  // The editor is a chunk of its own (post-mortem-view.tsx): on a loaded 2-core machine it has taken 17 s.
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved", { timeout: 45_000 });
  return page.url();
}

/** Pastes HTML (with its plain-text twin) into the post-mortem document at the caret, as a browser paste does. */
export async function pasteIntoPostMortem(page: Page, html: string, text: string): Promise<void> {
  await page.evaluate(
    ([pastedHtml, pastedText]) => {
      const data = new DataTransfer();
      data.setData("text/html", pastedHtml);
      data.setData("text/plain", pastedText);
      document.querySelector(".post-mortem-prose")?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text] as const,
  );
}
