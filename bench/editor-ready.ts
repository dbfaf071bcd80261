// Time until a long post-mortem is editable: navigation start → the editor is contenteditable
// with the document's last paragraph rendered. Each run in a fresh browser context (cold cache).
import type { Browser, BrowserContextOptions } from "@playwright/test";

export async function timeToEditable(browser: Browser, context: BrowserContextOptions, url: string, lastParagraph: string): Promise<number> {
  const ctx = await browser.newContext(context);
  try {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: "commit" });
    // performance.now() counts from the navigation's start; polled every frame.
    const handle = await page.waitForFunction(
      (last) => {
        const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
        return editor && editor.lastElementChild?.previousElementSibling?.textContent === last ? performance.now() : false;
      },
      lastParagraph,
      { polling: "raf", timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await ctx.close();
  }
}
