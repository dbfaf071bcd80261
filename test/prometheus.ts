// A real Prometheus server (Debian's `prometheus`) on loopback, scraping one target, for tests that
// check what a scrape really sees.
import { requireBinary, startDaemon } from "./prometheus-daemon";

export const PROMETHEUS_BIN = "/usr/bin/prometheus";
export const PROMTOOL_BIN = "/usr/bin/promtool";

export type Prometheus = {
  /** An instant query's first value, or null while the series does not exist yet. */
  value(query: string): Promise<string | null>;
  output(): string;
  stop(): Promise<void>;
};

export function requirePrometheus(): void {
  for (const bin of [PROMETHEUS_BIN, PROMTOOL_BIN]) requireBinary(bin, "prometheus");
}

export async function startPrometheus(target: { port: number; token: string }, ports = process.env.PROMETHEUS_PORTS ?? "3870-3889"): Promise<Prometheus> {
  requirePrometheus();
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
  const daemon = await startDaemon({
    label: "Prometheus",
    bin: PROMETHEUS_BIN,
    aptPackage: "prometheus",
    configName: "prometheus.yml",
    config,
    ports,
    args: ({ dir, configFile, port }) => [`--config.file=${configFile}`, `--storage.tsdb.path=${dir}/data`, `--web.listen-address=127.0.0.1:${port}`],
  });
  return {
    async value(query) {
      const response = await fetch(`${daemon.base}/api/v1/query?query=${encodeURIComponent(query)}`);
      const json = (await response.json()) as { data?: { result?: { value?: [number, string] }[] } };
      return json.data?.result?.[0]?.value?.[1] ?? null;
    },
    output: daemon.output,
    stop: daemon.stop,
  };
}
