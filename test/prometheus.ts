// A real Prometheus server (Debian's `prometheus`) on loopback, scraping one target, for tests that
// check what a scrape really sees. Missing binary: a clear failure, never a skip (.ci/run installs it).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app-process";

export const PROMETHEUS_BIN = "/usr/bin/prometheus";
export const PROMTOOL_BIN = "/usr/bin/promtool";

export type Prometheus = {
  /** An instant query's first value, or null while the series does not exist yet. */
  value(query: string): Promise<string | null>;
  output(): string;
  stop(): Promise<void>;
};

export function requirePrometheus(): void {
  for (const bin of [PROMETHEUS_BIN, PROMTOOL_BIN]) {
    if (!fs.existsSync(bin)) throw new Error(`Prometheus is not installed at ${bin}: run apt-get install -y prometheus (.ci/run does).`);
  }
}

export async function startPrometheus(target: { port: number; token: string }, range = process.env.PROMETHEUS_PORTS ?? "3870-3889"): Promise<Prometheus> {
  requirePrometheus();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-prom-"));
  const config = [
    "global:",
    "  scrape_interval: 1s",
    "  scrape_timeout: 1s",
    "scrape_configs:",
    "  - job_name: daytwo",
    "    metrics_path: /metrics",
    "    authorization:",
    "      type: Bearer",
    `      credentials: ${JSON.stringify(target.token)}`,
    "    static_configs:",
    `      - targets: ["127.0.0.1:${target.port}"]`,
  ].join("\n");
  fs.writeFileSync(path.join(dir, "prometheus.yml"), config);
  const port = await freePort(range);
  const child = spawn(PROMETHEUS_BIN, [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Prometheus exited at start:\n${output}`);
    }
    if (
      await fetch(`${base}/-/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prometheus did not become ready on ${base}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    async value(query) {
      const response = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(query)}`);
      const json = (await response.json()) as { data?: { result?: { value?: [number, string] }[] } };
      return json.data?.result?.[0]?.value?.[1] ?? null;
    },
    output: () => output,
    stop,
  };
}
