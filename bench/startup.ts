// Start-up figures: time until "ready" and resident memory at idle, per engine.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type StartupFigures = { label: string; readySeconds: number; idleRssMb: number };

/** Sums RSS over the process and its children (tsx runs the server in a child node process). */
function treeRssMb(pid: number): number {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
  const rows = out.trim().split("\n").map((line) => line.trim().split(/\s+/).map(Number));
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) {
      if (child !== undefined && parent !== undefined && inTree.has(parent) && !inTree.has(child)) {
        inTree.add(child);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => p !== undefined && inTree.has(p)).reduce((sum, [, , rss]) => sum + (rss ?? 0), 0) / 1024;
}

export async function measureStart(label: string, env: Record<string, string>, port: number): Promise<StartupFigures> {
  const started = performance.now();
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["server/main.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const readySeconds = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Daytwo ready on")) resolve((performance.now() - started) / 1000);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${label}: server exited with ${code}\n${output}`)));
  });
  // Let the first request warm the route, then settle before reading memory.
  await fetch(`http://127.0.0.1:${port}/sign-in`).then((res) => res.text());
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleRssMb = treeRssMb(child.pid!);
  process.kill(-child.pid!, "SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return { label, readySeconds, idleRssMb };
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-bench-"));
}
