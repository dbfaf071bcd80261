// Post-mortem editor figures (issue 4, "Fast"): first-load JS of the incident and post-mortem pages,
// time until a 20-page post-mortem is editable, keystroke delay between two browsers. Runs the
// production build on a fresh embedded database, in headless Chromium.
// Alone: `npx tsx bench/post-mortem-bench.ts` (BENCH_EDITOR_PORT, default 3203).
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { encode } from "@auth/core/jwt";
import { chromium, type BrowserContextOptions } from "@playwright/test";
import { timeToEditable } from "./editor-ready";
import { firstLoadJs } from "./first-load-js";
import { keystrokeLatencies } from "./keystroke-latency";
import { LAST_PARAGRAPH, seedLongPostMortem } from "./post-mortem-seed";
import { startServer, tempDataDir } from "./startup";

const TARGET_EDITABLE_MS = 1500;
const TARGET_KEYSTROKE_MS = 200;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
const COOKIE = "authjs.session-token";

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
const verdict = (value: number, target: number) => (value <= target ? "meets" : "MISSES");

/** A signed-in browser context: the session cookie Auth.js would set, signed with the server's secret. */
async function signedIn(user: { id: string; name: string; email: string; sessionId: string }): Promise<BrowserContextOptions> {
  const value = await encode({ token: { sub: user.id, name: user.name, email: user.email, sid: user.sessionId }, secret: AUTH_SECRET, salt: COOKIE });
  return { storageState: { cookies: [{ name: COOKIE, value, domain: "localhost", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] } };
}

export async function postMortemBench(port = Number(process.env.BENCH_EDITOR_PORT ?? 3203)): Promise<string> {
  const lines: string[] = ["Post-mortem editor"];
  const [incidentPage, postMortemPage] = firstLoadJs(["/incidents/[id]", "/post-mortems/[id]"]);
  lines.push("| page | first-load JS (gzip) | raw | chunks | editor code in it |", "| --- | ---: | ---: | ---: | --- |");
  for (const page of [incidentPage!, postMortemPage!]) {
    lines.push(`| ${page.route} | ${(page.gzipBytes / 1024).toFixed(0)} KB | ${(page.rawBytes / 1024).toFixed(0)} KB | ${page.chunks} | ${page.hasEditor ? "yes" : "no"} |`);
  }
  if (incidentPage!.hasEditor) lines.push("MISSES: the incident page loads editor code (tiptap / Yjs); load it with a dynamic import.");

  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromiumPath)) return [...lines, `(no Chromium at ${chromiumPath}: set CHROMIUM_PATH to time the editor)`].join("\n");
  const dataDir = tempDataDir();
  const seeded = await seedLongPostMortem(dataDir);
  const server = await startServer("post-mortem bench", { DATABASE_URL: "", DATA_DIR: dataDir, PGLITE_DIR: seeded.pgliteDir, AUTH_SECRET, DEMO_SEED: "never" }, port);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const url = `http://localhost:${port}/post-mortems/${seeded.postMortemId}`;
    const [first, second] = seeded.writers;
    const asFirst = await signedIn(first!);
    await timeToEditable(browser, asFirst, url, LAST_PARAGRAPH); // warms the server's route and the document
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeToEditable(browser, asFirst, url, LAST_PARAGRAPH));
    const editable = median(runs);
    lines.push(
      "",
      `Time until a ${seeded.words.toLocaleString("en")}-word post-mortem (20 sections) is editable, navigation start → contenteditable with the last paragraph rendered, cold browser cache:`,
      `  median of 5: ${editable.toFixed(0)} ms (runs ${runs.map((run) => run.toFixed(0)).join(", ")}) — target ≤ ${TARGET_EDITABLE_MS} ms: ${verdict(editable, TARGET_EDITABLE_MS)}`,
    );

    const [senderContext, receiverContext] = await Promise.all([browser.newContext(asFirst), browser.newContext(await signedIn(second!))]);
    const [sender, receiver] = await Promise.all([senderContext.newPage(), receiverContext.newPage()]);
    for (const page of [sender, receiver]) {
      await page.goto(url);
      await page.waitForFunction((last) => document.querySelector('.ProseMirror[contenteditable="true"]')?.lastElementChild?.previousElementSibling?.textContent === last, LAST_PARAGRAPH, {
        timeout: 60_000,
      });
    }
    const latencies = await keystrokeLatencies(sender, receiver, 50);
    const [p50, p95] = [median(latencies), quantile(latencies, 0.95)];
    lines.push(
      `Keystroke in one browser → shown in another (loopback, 50 keystrokes in the ${seeded.words.toLocaleString("en")}-word document):`,
      `  median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms — target ≤ ${TARGET_KEYSTROKE_MS} ms: ${verdict(p95, TARGET_KEYSTROKE_MS)} (p95)`,
    );
    await Promise.all([senderContext.close(), receiverContext.close()]);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await postMortemBench());
}
