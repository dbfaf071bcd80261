// Delay before a keystroke in one browser shows in another (loopback): both pages stamp events
// with performance.timeOrigin + performance.now(), the machine's clock with sub-millisecond
// resolution, so the two pages share one clock. The sender stamps keydown; the receiver stamps,
// from a MutationObserver, the moment its copy of the paragraph being typed in holds the text.
import type { Page } from "@playwright/test";

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augments the DOM interface
  interface Window {
    __sent?: number[];
    __seen?: Record<string, number>;
  }
}

// Only the paragraph's own text nodes: remote carets add labelled elements inside it.
const RECEIVER_SCRIPT = `(() => {
  window.__seen = {};
  const editor = document.querySelector(".ProseMirror");
  new MutationObserver(() => {
    const text = [...(editor.lastElementChild?.childNodes ?? [])].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join("");
    if (text && window.__seen[text] === undefined) window.__seen[text] = performance.timeOrigin + performance.now();
  }).observe(editor, { subtree: true, childList: true, characterData: true });
})()`;

export async function keystrokeLatencies(sender: Page, receiver: Page, count: number): Promise<number[]> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  await receiver.evaluate(RECEIVER_SCRIPT);
  await sender.evaluate(() => {
    window.__sent = [];
    document.addEventListener("keydown", () => window.__sent!.push(performance.timeOrigin + performance.now()), { capture: true });
  });
  // Type into the empty last paragraph (digits: no blameless flag or markdown shortcut fires on them).
  await sender.locator(".ProseMirror > p").last().click();
  let typed = "";
  for (let i = 0; i < count; i++) {
    const key = String(i % 10);
    typed += key;
    await sender.keyboard.press(key);
    await receiver.waitForFunction((expected) => window.__seen?.[expected] !== undefined, typed, { polling: 5, timeout: 10_000 });
  }
  const sent = await sender.evaluate(() => window.__sent!);
  const seen = await receiver.evaluate(() => window.__seen!);
  return Array.from({ length: count }, (_, i) => seen["0123456789".repeat(Math.ceil(count / 10)).slice(0, i + 1)]! - sent[i]!);
}
