import fs from "node:fs";
import { encode } from "@auth/core/jwt";
import { chromium } from "@playwright/test";
import { LAST_PARAGRAPH, seedLongPostMortem } from "./bench/post-mortem-seed";
import { startServer, tempDataDir } from "./bench/startup";
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
const COOKIE = "authjs.session-token";
const port = 3557;
const dataDir = tempDataDir();
const seeded = await seedLongPostMortem(dataDir);
const server = await startServer("trace", { DATABASE_URL: "", DATA_DIR: dataDir, PGLITE_DIR: seeded.pgliteDir, AUTH_SECRET, DEMO_SEED: "never" }, port);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage"] });
const u = seeded.writers[0]!;
const value = await encode({ token: { sub: u.id, name: u.name, email: u.email }, secret: AUTH_SECRET, salt: COOKIE });
const url = `http://localhost:${port}/post-mortems/${seeded.postMortemId}`;
try {
  for (let i = 0; i < 4; i++) {
    const ctx = await browser.newContext({ storageState: { cookies: [{ name: COOKIE, value, domain: "localhost", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] } });
    const page = await ctx.newPage();
    let wsAt = 0;
    page.on("websocket", () => { wsAt = Date.now(); });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    const h = await page.waitForFunction((last) => { const e = document.querySelector('.ProseMirror[contenteditable="true"]'); return e && e.lastElementChild?.previousElementSibling?.textContent === last ? performance.now() : false; }, LAST_PARAGRAPH, { polling: "raf", timeout: 60000 });
    const editable = await h.jsonValue();
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const res = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.name.includes(".js")).map((r) => [r.name.split("/").pop(), Math.round(r.startTime), Math.round(r.responseEnd), r.encodedBodySize]);
      return { ttfb: Math.round(nav.responseStart), htmlEnd: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), htmlBytes: nav.encodedBodySize, res };
    });
    console.log(JSON.stringify({ editable: Math.round(editable as number), wsAfterGoto: wsAt ? wsAt - t0 : null, ...timing, res: i === 3 ? timing.res : timing.res.length }));
    await ctx.close();
  }
} finally { await browser.close(); await server.stop(); fs.rmSync(dataDir, { recursive: true, force: true }); }
