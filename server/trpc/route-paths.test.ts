// Ids and escapes in page and download paths, against the real server: an id shaped like a UUID
// that is none, or a malformed percent-escape, is a 4xx page, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createActor } from "@/test/actors";
import { prepareAppDatabase, type AppDatabase } from "@/test/app-database";
import { startApp, stopAllApps, type AppProcess } from "@/test/app-process";
import { sessionCookie } from "@/test/collab-clients";

const seed = async (db: Db) => ({ admin: await createActor(db, "admin", "Route Admin") });

let database: AppDatabase<Awaited<ReturnType<typeof seed>>>;
let app: AppProcess;
let cookie: string;
beforeAll(async () => {
  database = await prepareAppDatabase(seed);
  app = await startApp(database.env);
  cookie = await sessionCookie(database.seeded.admin);
}, 120_000);
afterAll(async () => {
  await stopAllApps();
  await database?.close();
});

const status = async (path: string) => (await fetch(`http://127.0.0.1:${app.port}${path}`, { headers: { cookie }, redirect: "manual" })).status;

// 36 characters of hex and dashes, as the old checks accepted, yet no UUID PostgreSQL would take.
const notUuids = ["0123456789abcdef0123456789abcdef0123", "------------------------------------", "abcdef01-2345-6789-abcd-ef0123456789a".slice(0, 36).replace(/-/g, "0")];
const pages = (id: string) => [`/incidents/${id}`, `/alerts/${id}`, `/runbooks/${id}`, `/runbooks/${id}/edit`, `/runbooks/${id}/history`, `/post-mortems/${id}`, `/api/post-mortems/${id}/markdown`];

describe("ids and escapes in paths", () => {
  it.each(notUuids)(
    "answers 404 for %s, shaped like a UUID but not one",
    async (id) => {
      for (const path of pages(id)) expect(await status(path), path).toBe(404);
    },
    120_000,
  );

  it("answers a malformed percent-escape with a 4xx", async () => {
    for (const path of pages("%E0%A4%A")) {
      const code = await status(path);
      expect(code, path).toBeGreaterThanOrEqual(400);
      expect(code, path).toBeLessThan(500);
    }
  }, 120_000);
});
