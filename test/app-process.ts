// Starts the real server (node --import tsx server/main.ts, as `npm start` does) for tests that
// need the whole process: crashes, restarts, several instances. Needs a production build.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type AppProcess = {
  pid: number;
  port: number;
  /** kill -9: no shutdown handler runs. Resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers. Safe to call twice or after a crash. */
  stop(): Promise<void>;
  output(): string;
};

const running = new Set<AppProcess>();

/** Stops every process this test file started: call from afterAll, so a failed test leaves none behind. */
export async function stopAllApps(): Promise<void> {
  await Promise.all([...running].map((app) => app.stop()));
}

export function requireProductionBuild(): void {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("These tests start the real server, which needs a production build: run `npx next build` first (npm test builds before this stage).");
  }
}

/** A port nobody listens on, from `range` (default TEST_PORTS, e.g. "3500-3599"; default 3500-3599). */
export async function freePort(range = process.env.TEST_PORTS ?? "3500-3599"): Promise<number> {
  const [from, to] = range.split("-").map(Number) as [number, number];
  const offset = Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((offset + i) % (to - from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

type StartOptions = { port?: number; timeoutMs?: number };

/**
 * Starts a server and waits for "ready". Test files run in parallel, so a port found free can be
 * taken before the server binds it: then, unless the caller named the port, try another one.
 */
export async function startApp(env: Record<string, string>, options: StartOptions = {}): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnPort(env, options.port ?? (await freePort()), options.timeoutMs);
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes("is already in use");
      if (!portTaken || options.port !== undefined || attempt === 3) throw error;
    }
  }
}

async function startOnPort(env: Record<string, string>, port: number, timeoutMs = 90_000): Promise<AppProcess> {
  requireProductionBuild();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DEMO_SEED: "never",
      ...env,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stop() also reaches anything it spawned.
    detached: true,
  });
  const pid = child.pid!;
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const isGone = () => child.exitCode !== null || child.signalCode !== null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  const app: AppProcess = {
    pid,
    port,
    output: () => output,
    async crash() {
      process.kill(pid, "SIGKILL");
      await exited;
      signalGroup("SIGKILL");
      running.delete(app);
    },
    async stop() {
      running.delete(app);
      if (isGone()) return;
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(app);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on port ${port} not ready after ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-50_000);
      if (output.includes("Daytwo ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server on port ${port} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return app;
}
