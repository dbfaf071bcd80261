// POST /api/alerts/<source id>, served by the app's own HTTP server rather than through Next's route
// runtime, and on Node's own request and response rather than Web ones: monitoring storms arrive here,
// and Next's wrapping, then the Web Request, Headers and body stream, each cost a large share of the
// CPU of an alert (bench/alert-ingest.ts). Credentials, limits, formats and storage live in server/alerts.
import type http from "node:http";
import { type HeaderSource, receiveAlerts } from "@/server/alerts/ingest";
import { readBoundedBody } from "@/server/alerts/read-body";
import { logger } from "@/server/log";

export const ALERTS_PATH = /^\/api\/alerts\/([^/?#]*)\/?(?:[?#].*)?$/;

export function isAlertsRequest(url: string | undefined): boolean {
  return ALERTS_PATH.test(url ?? "");
}

const JSON_TYPE = "application/json";

/** Node's lower-cased header object read as Headers.get reads it (repeated headers joined). */
function headerSource(req: http.IncomingMessage): HeaderSource {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

export function handleAlertsRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const sourceSegment = ALERTS_PATH.exec(req.url ?? "")?.[1] ?? "";
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST", "content-type": JSON_TYPE, "cache-control": "no-store" });
    res.end(JSON.stringify({ status: "error", message: "Send alerts with POST." }));
    return;
  }
  // The raw segment: parseRouteId decodes it, and a stray % escape answers 404 like any unknown source.
  receiveAlerts({ headers: headerSource(req), readBody: () => readBoundedBody(req) }, sourceSegment)
    .then((answer) => {
      // Answered before the whole body arrived (413): close the connection rather than leave the rest
      // of the body on a socket the client would reuse.
      res.writeHead(answer.status, { ...answer.headers, "content-type": JSON_TYPE, ...(req.complete ? {} : { connection: "close" }) });
      res.end(JSON.stringify(answer.body));
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, "alert ingestion failed");
      if (!res.headersSent) res.writeHead(503, { "content-type": JSON_TYPE, "retry-after": "5" });
      // A 5xx makes Alertmanager and PagerDuty clients retry, which is what a failed store needs.
      res.end(JSON.stringify({ status: "error", message: "Daytwo could not store these alerts just now; the sender should retry." }));
    });
}
