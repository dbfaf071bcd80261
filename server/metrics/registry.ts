// The one Prometheus registry (prom-client), built once per process. It hangs on globalThis because
// Next's server bundle may load a module a second time, and a metric registered twice throws
// (prometheus/client_js#640). Names: snake_case, base units, `_total` on counters.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type Metrics = {
  registry: Registry;
  httpRequests: Histogram<"method" | "route" | "status">;
  alertsReceived: Counter<"source_id" | "kind" | "outcome">;
  deliveries: Counter<"channel_kind" | "outcome">;
};

const holder = globalThis as typeof globalThis & { __daytwoMetrics?: Metrics };

function build(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Histogram({
      name: "daytwo_http_request_duration_seconds",
      help: "HTTP requests by method, route pattern and status: time until the response was sent.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    alertsReceived: new Counter({
      name: "daytwo_alerts_received_total",
      help: "Alerts received from monitoring, by source and outcome (created, updated, resolved, ignored).",
      labelNames: ["source_id", "kind", "outcome"],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: "daytwo_notification_deliveries_total",
      help: "Notification delivery attempts by channel kind and outcome (delivered, retrying, failed).",
      labelNames: ["channel_kind", "outcome"],
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  holder.__daytwoMetrics ??= build();
  return holder.__daytwoMetrics;
}
