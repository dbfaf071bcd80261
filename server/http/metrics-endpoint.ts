// GET /metrics in Prometheus' text format. Off unless METRICS_TOKEN is set (then 404, as if there
// were no such page); with it, only a request bearing that token gets the figures. Served by the
// app's own HTTP server, beside the registry, never through a Next route (see server/metrics/registry.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { metrics } from "@/server/metrics/registry";
import { logger } from "@/server/log";

export const isMetricsRequest = (url: string | undefined) => (url ?? "").split("?")[0] === "/metrics";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

function answer(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(`${message}\n`);
}

export function handleMetricsRequest(req: http.IncomingMessage, res: http.ServerResponse, token: string | undefined): void {
  if (!token) return answer(res, 404, "Metrics are off: set METRICS_TOKEN to turn them on.");
  if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "Read metrics with GET.", { allow: "GET, HEAD" });
  const offered = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
  // Compared as digests: equal lengths, so the comparison's time says nothing about the token.
  if (!timingSafeEqual(digest(offered), digest(token))) {
    return answer(res, 401, "Send the metrics token as: Authorization: Bearer <METRICS_TOKEN>.", { "www-authenticate": 'Bearer realm="daytwo-metrics"' });
  }
  const { registry } = metrics();
  registry
    .metrics()
    .then((body) => {
      res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, "metrics could not be collected");
      answer(res, 503, "Metrics could not be collected just now; try the next scrape.");
    });
}
