// POST /api/alerts/<source id>, served by the app's own HTTP server rather than through Next's route
// runtime: monitoring storms arrive here, and Next's request wrapping cost about a sixth of the CPU
// of each alert (bench/alert-ingest.ts). Credentials, limits, formats and storage live in server/alerts.
import type http from "node:http";
import { Readable } from "node:stream";
import { receiveAlerts } from "@/server/alerts/ingest";
import { logger } from "@/server/log";

export const ALERTS_PATH = /^\/api\/alerts\/([^/?#]*)\/?(?:[?#].*)?$/;

export function isAlertsRequest(url: string | undefined): boolean {
  return ALERTS_PATH.test(url ?? "");
}

export function handleAlertsRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const sourceSegment = ALERTS_PATH.exec(req.url ?? "")?.[1] ?? "";
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST", "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify({ status: "error", message: "Send alerts with POST." }));
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  receiveAlerts(request, decodeURIComponent(sourceSegment))
    .then(async (response) => {
      // Answered before the whole body arrived (413): close the connection rather than leave the rest
      // of the body on a socket the client would reuse.
      res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...(req.complete ? {} : { connection: "close" }) });
      res.end(Buffer.from(await response.arrayBuffer()));
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, "alert ingestion failed");
      if (!res.headersSent) res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
      // A 5xx makes Alertmanager and PagerDuty clients retry, which is what a failed store needs.
      res.end(JSON.stringify({ status: "error", message: "Daytwo could not store these alerts just now; the sender should retry." }));
    });
}
