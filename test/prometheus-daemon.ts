// Starts one of the Prometheus project's daemons (Prometheus, Alertmanager) from its Debian binary on a
// loopback port, with a config file in a temporary folder, and waits for its /-/ready. Missing binary:
// a clear failure, never a skip (.ci/run installs them).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app-process";

export type Daemon = { base: string; dir: string; output(): string; stop(): Promise<void> };

type DaemonOptions = {
  label: string;
  bin: string;
  aptPackage: string;
  configName: string;
  config: string;
  ports: string;
  /** The command-line flags, given the temporary folder, the config file and the port. */
  args: (where: { dir: string; configFile: string; port: number }) => string[];
};

export function requireBinary(bin: string, aptPackage: string): void {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is not installed: run apt-get install -y ${aptPackage} (.ci/run does).`);
}

export async function startDaemon({ label, bin, aptPackage, configName, config, ports, args }: DaemonOptions): Promise<Daemon> {
  requireBinary(bin, aptPackage);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `daytwo-${aptPackage}-`));
  const configFile = path.join(dir, configName);
  fs.writeFileSync(configFile, config);
  const port = await freePort(ports);
  const child = spawn(bin, args({ dir, configFile, port }), { stdio: ["ignore", "pipe", "pipe"] });
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
      throw new Error(`${label} exited at start:\n${output}`);
    }
    const ready = await fetch(`${base}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${label} did not become ready on ${base}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base, dir, output: () => output, stop };
}
