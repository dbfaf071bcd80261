// Two people in two real browsers (headless Chromium), each on a different app instance of one
// PostgreSQL joined by Redis, write the same post-mortem: words, cursors and "Writing now" cross.
// On an embedded-database run it checks the single-instance path instead: two browsers, one server.
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { startApp, stopAllApps } from "@/test/app-process";
import { sessionCookie } from "@/test/collab-clients";
import { createCollabFixture, type CollabFixture } from "@/test/collab-fixture";

const onPostgres = inject("engine") === "postgres";
const redisEnv: Record<string, string> = onPostgres ? { REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_PREFIX: `daytwo-test-${randomBytes(4).toString("hex")}` } : {};

let fixture: CollabFixture;
let browser: Browser | undefined;
beforeAll(async () => {
  fixture = await createCollabFixture();
});
afterAll(async () => {
  await browser?.close();
  await stopAllApps();
  await fixture?.close();
});

async function openAs(writer: CollabFixture["writers"][number], port: number): Promise<Page> {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage"] });
  const [name, value] = (await sessionCookie(writer)).split("=") as [string, string];
  const context = await browser.newContext({ storageState: { cookies: [{ name, value, domain: "localhost", path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] } });
  const page = await context.newPage();
  await page.goto(`http://localhost:${port}/post-mortems/${fixture.postMortemId}`);
  await page.getByTestId("sync-status").getByText("All changes saved").waitFor({ timeout: 30_000 });
  return page;
}

describe(onPostgres ? "two browsers on two instances (PostgreSQL + Redis)" : "two browsers on one instance (embedded database)", () => {
  it("each sees the other's words, cursor and presence", async () => {
    const [a, b] = onPostgres
      ? await Promise.all([startApp({ ...fixture.env, ...redisEnv }), startApp({ ...fixture.env, ...redisEnv })])
      : await startApp(fixture.env).then((one) => [one, one] as const);
    const [ada, bo] = fixture.writers;
    const pageA = await openAs(ada, a.port);
    const pageB = await openAs(bo, b.port);

    await pageA.locator(".ProseMirror > p").last().click();
    await pageA.keyboard.type("Typed in browser A");
    await pageB.locator(".ProseMirror").getByText("Typed in browser A").waitFor({ timeout: 15_000 });
    await pageB.locator(".ProseMirror > p").first().click();
    await pageB.keyboard.type("Typed in browser B ");
    await pageA.locator(".ProseMirror").getByText("Typed in browser B").waitFor({ timeout: 15_000 });

    // A's cursor, labelled with A's name, in B's editor; each listed under "Writing now" by the other.
    await pageB.locator(".collab-caret-label", { hasText: ada.name }).waitFor({ timeout: 15_000 });
    await pageA.locator(".collab-caret-label", { hasText: bo.name }).waitFor({ timeout: 15_000 });
    await pageB.getByRole("region", { name: "Writing now" }).getByText(ada.name).waitFor({ timeout: 15_000 });
    await pageA.getByRole("region", { name: "Writing now" }).getByText(bo.name).waitFor({ timeout: 15_000 });
    await pageA.getByTestId("sync-status").getByText("All changes saved").waitFor();
    await pageB.getByTestId("sync-status").getByText("All changes saved").waitFor();
  }, 180_000);
});
