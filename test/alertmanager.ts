// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on loopback, for tests that check
// what it actually sends. Missing binary: a clear failure, never a skip (.ci/run installs it).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app-process";

export const ALERTMANAGER_BIN = "/usr/bin/prometheus-alertmanager";

export type Alertmanager = {
  base: string;
  /** POSTs alerts to its API, as Prometheus does. */
  sendAlerts(alerts: { labels: Record<string, string>; annotations?: Record<string, string>; startsAt?: string; endsAt?: string }[]): Promise<void>;
  output(): string;
  stop(): Promise<void>;
};

type Receiver = { url: string; token: string };

export async function startAlertmanager(receiver: Receiver, range = process.env.ALERTMANAGER_PORTS ?? "3850-3869"): Promise<Alertmanager> {
  if (!fs.existsSync(ALERTMANAGER_BIN)) {
    throw new Error(`Prometheus Alertmanager is not installed at ${ALERTMANAGER_BIN}: run apt-get install -y prometheus-alertmanager (.ci/run does).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daytwo-am-"));
  const config = [
    "route:",
    "  receiver: daytwo",
    "  group_by: [alertname]",
    "  group_wait: 1s",
    "  group_interval: 1s",
    "  repeat_interval: 1h",
    "receivers:",
    "  - name: daytwo",
    "    webhook_configs:",
    `      - url: ${JSON.stringify(receiver.url)}`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    "            type: Bearer",
    `            credentials: ${JSON.stringify(receiver.token)}`,
  ].join("\n");
  fs.writeFileSync(path.join(dir, "alertmanager.yml"), config);
  const port = await freePort(range);
  const child = spawn(
    ALERTMANAGER_BIN,
    [`--config.file=${path.join(dir, "alertmanager.yml")}`, `--storage.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address=", "--log.level=debug"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
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
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Alertmanager exited at start:\n${output}`);
    }
    const ready = await fetch(`${base}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Alertmanager did not become ready on ${base}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    output: () => output,
    stop,
    async sendAlerts(alerts) {
      const response = await fetch(`${base}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      if (!response.ok) throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
  };
}
