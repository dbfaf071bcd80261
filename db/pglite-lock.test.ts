import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { acquirePgliteLock, DataDirLockedError } from "./pglite-lock";

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-lock-")), "pglite");
  dirs.push(path.dirname(dir));
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("PGlite folder lock", () => {
  it("refuses a folder a live process holds, naming that process", async () => {
    const dir = tempDataDir();
    const owner = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(`${dir}.lock`, String(owner.pid));
      expect(() => acquirePgliteLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquirePgliteLock(dir)).toThrow(`in use by process ${owner.pid}`);
    } finally {
      owner.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases its own", () => {
    const dir = tempDataDir();
    fs.writeFileSync(`${dir}.lock`, "999999999");
    const release = acquirePgliteLock(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
