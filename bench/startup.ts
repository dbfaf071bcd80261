// Start-up figures: time until "ready" and resident memory at idle, per engine.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type StartupFigures = { label: string; readySeconds: number; idleRssMb: number };

/** Sums RSS over the process and its children (tsx runs the server in a child node process). */
function treeRssMb(pid: number): number {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
  const rows = out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number));
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

export type RunningServer = {
  pid: number;
  readySeconds: number;
  /** The server's recent stdout + stderr: the bench reads error logs from it. */
  output(): string;
  stop(): Promise<void>;
};
const KEEP_OUTPUT = 200_000;
// The node flags of `npm start` (package.json), so the bench measures the server as it is run.
const START_FLAGS = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start
  .split(" ")
  .filter((part) => part.startsWith("--max-"))
  // BENCH_SERVER_FLAGS adds node flags to the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  .concat((process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean));

/**
 * Starts the server as `npm start` does (same node flags) in its own process group and resolves once it prints "Daytwo ready
 * on". stop() sends SIGTERM to the whole group (tsx runs the server in a child node process).
 */
export async function startServer(label: string, env: Record<string, string>, port: number, readyTimeoutMs = 0): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [...START_FLAGS, "--import", "tsx", "server/main.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // If the bench itself dies, do not leave a detached server holding the port.
  const killOnExit = () => {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killOnExit);
  let output = "";
  const readySeconds = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
      if (output.includes("Daytwo ready on")) {
        clearTimeout(readyTimer);
        resolve((performance.now() - started) / 1000);
      }
    };
    // A server that never gets ready must not hold the bench: stop it and say so.
    const readyTimer =
      readyTimeoutMs > 0
        ? setTimeout(() => {
            killOnExit();
            reject(new Error(`${label}: not ready after ${readyTimeoutMs / 1000} s\n${output.slice(-4000)}`));
          }, readyTimeoutMs)
        : undefined;
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`${label}: server exited with ${code}\n${output}`)));
  });
  let stopping = false;
  // A server dying mid-run would otherwise show up only as "connection refused" in a scenario.
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`${label}: server exited unexpectedly (${signal ?? code}); its last output:\n${output.slice(-4000)}`);
  });
  return {
    pid,
    readySeconds,
    output: () => output,
    async stop() {
      stopping = true;
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) killOnExit();
      await exited;
    },
  };
}

export async function measureStart(label: string, env: Record<string, string>, port: number): Promise<StartupFigures> {
  const server = await startServer(label, env, port);
  try {
    // Let the first request warm the route, then settle before reading memory.
    await fetch(`http://127.0.0.1:${port}/sign-in`).then((res) => res.text());
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { label, readySeconds: server.readySeconds, idleRssMb: treeRssMb(server.pid) };
  } finally {
    await server.stop();
  }
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-bench-"));
}
