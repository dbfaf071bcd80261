// Starts the real entry points as processes: what an operator sees when something is wrong.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The way npm start runs the server: one Node process with the tsx loader (no wrapper process).
function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe("start-up failures", () => {
  it("a malformed DATABASE_URL stops start-up with one line naming it", () => {
    const { status, stderr } = run("server/main.ts", { DATABASE_URL: "localhost:5432/daytwo" });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toEqual(["daytwo: DATABASE_URL must be a URL like postgres://user:password@host:5432/database"]);
  });

  it("an unreachable database stops start-up with one line and no stack trace", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-start-"));
    const { status, stderr } = run("server/main.ts", { DATABASE_URL: "postgres://root@127.0.0.1:1/daytwo", DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40) });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^daytwo: DATABASE_URL cannot be reached: 127\.0\.0\.1:1\/daytwo answered ECONNREFUSED/);
  });

  it("db:seed refuses an embedded database that another process holds", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-held-")), "pglite");
    fs.writeFileSync(`${dir}.lock`, String(process.pid));
    const { status, stderr } = run("server/workspace/seed/cli.ts", { PGLITE_DIR: dir });
    expect(status).toBe(1);
    expect(stderr).toContain(`in use by process ${process.pid}`);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
