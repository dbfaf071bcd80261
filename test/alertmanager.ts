// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on loopback, for tests that check
// what it actually sends.
import { startDaemon } from "./prometheus-daemon";

export const ALERTMANAGER_BIN = "/usr/bin/prometheus-alertmanager";

export type Alertmanager = {
  base: string;
  /** POSTs alerts to its API, as Prometheus does. */
  sendAlerts(alerts: { labels: Record<string, string>; annotations?: Record<string, string>; startsAt?: string; endsAt?: string }[]): Promise<void>;
  output(): string;
  stop(): Promise<void>;
};

type Receiver = { url: string; token: string };

export async function startAlertmanager(receiver: Receiver, ports = process.env.ALERTMANAGER_PORTS ?? "3850-3869"): Promise<Alertmanager> {
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
  const { base, output, stop } = await startDaemon({
    label: "Alertmanager",
    bin: ALERTMANAGER_BIN,
    aptPackage: "prometheus-alertmanager",
    configName: "alertmanager.yml",
    config,
    ports,
    args: ({ dir, configFile, port }) => [`--config.file=${configFile}`, `--storage.path=${dir}/data`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address=", "--log.level=debug"],
  });
  return {
    base,
    output,
    stop,
    async sendAlerts(alerts) {
      const response = await fetch(`${base}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      if (!response.ok) throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
  };
}
