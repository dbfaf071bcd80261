import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

test("a second server on a port already in use stops with a clear message", { tag: "@engine" }, () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-port-"));
  try {
    const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PORT: process.env.E2E_PORT ?? "3100", HOST: "127.0.0.1", DATA_DIR: dataDir },
      encoding: "utf8",
      timeout: 100_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    // On PostgreSQL a warning about AUTH_SECRET may come first; the failure is the last line, with no stack trace.
    expect(lines.at(-1)).toBe(`daytwo: PORT ${process.env.E2E_PORT ?? "3100"} is already in use on 127.0.0.1. Stop the other program or set PORT to a free port.`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("SIGTERM closes the embedded database cleanly: exit 0, lock released, and the next start finds the data", { tag: "@engine" }, async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-stop-"));
  const start = () =>
    new Promise<{ exitCode: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
        env: { ...process.env, DATABASE_URL: "", PORT: "3199", HOST: "127.0.0.1", DATA_DIR: dataDir },
        detached: true,
      });
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Daytwo ready on") && !output.includes("SIGTERM")) process.kill(-child.pid!, "SIGTERM");
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", (exitCode) => resolve({ exitCode, output }));
    });
  try {
    const first = await start();
    expect(first.exitCode).toBe(0);
    expect(first.output).toContain("SIGTERM received, shutting down");
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    const second = await start();
    expect(second.exitCode).toBe(0);
    // The demo workspace from the first start is still there, so the second start shows the demo sign-in too.
    expect(second.output).toContain("Demo sign-in: admin@example.com");
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
