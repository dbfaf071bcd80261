// GET /api/live/incidents/<id>?after=<seq>: one incident's live feed as server-sent events, written
// straight to the socket by the app's own HTTP server. It was a tRPC subscription; with 200 people
// watching a SEV1, a quarter of the process's busy time went into tRPC's per-watcher web streams
// (a TransformStream, a TextEncoderStream and a serialization per watcher per message) while the
// writers waited on the same event loop. Here a message is serialized once for every watcher it goes
// to (the hub hands them all one object) and each watcher costs one socket write.
//
// Frames: `event: connected` first; then each message as `data: <JSON>` (Dates tagged as in the tRPC
// wire format, lib/trpc/transformer.ts) with `id: <seq>` when it carries events, so a resume asks for
// `after` = the last id seen (or sends Last-Event-ID); `: ping` comments keep proxies from closing a
// quiet stream; the stream ends with `event: ended` (data: {code, message}) when the server ends it.
// Refusals come before the stream, as plain JSON with the status: 400 a bad `after`, 401 not signed
// in, 404 hidden, missing or not an id (the same answer), 503 no database.
import type http from "node:http";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { transformer } from "@/lib/trpc/transformer";
import { parseRouteId } from "@/lib/validation/ids";
import { userFromCookieHeader } from "@/server/auth/cookie-session";
import { notFound } from "@/server/errors";
import { describeZodError, toClientError } from "@/server/trpc/error-mapping";
import { drainedOrClosed } from "./drained";
import { liveFeedInput } from "@/server/incidents/schemas";
import { incidentFeed } from "@/server/live/incident-feed";
import type { FeedItem } from "@/server/live/incident-topic";

export const LIVE_PATH = /^\/api\/live\/incidents\/([^/?#]*)\/?(?:\?(.*))?$/;
const PING_MS = 15_000;

export const isLiveRequest = (url: string | undefined) => LIVE_PATH.test(url ?? "");

// One encoding per message object: the hub gives every watcher who gets the same content the same object.
const frames = new WeakMap<object, Buffer>();

function frameOf({ seq, message }: FeedItem): Buffer {
  let frame = frames.get(message);
  if (!frame) {
    frame = Buffer.from(`${seq === null ? "" : `id: ${seq}\n`}data: ${JSON.stringify(transformer.serialize(message))}\n\n`);
    frames.set(message, frame);
  }
  return frame;
}

const eventFrame = (event: string, data: object) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function refuse(res: http.ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** What a failure may tell the client: the tRPC error mapping's code and message, never SQL. */
function clientError(error: unknown, requestId: string): TRPCError {
  return toClientError(error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }), { path: "(live)", requestId });
}

export function handleLiveRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const requestId = String(req.headers["x-request-id"] ?? "");
  serve(req, res).catch((error: unknown) => {
    const failure = clientError(error, requestId);
    if (!res.headersSent) refuse(res, getHTTPStatusCodeFromError(failure), failure.message);
    else res.end(eventFrame("ended", { code: failure.code, message: failure.message }));
  });
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== "GET") {
    res.setHeader("allow", "GET");
    return refuse(res, 405, "Open the live feed with GET.");
  }
  const [, segment = "", query = ""] = LIVE_PATH.exec(req.url ?? "") ?? [];
  const after = new URLSearchParams(query).get("after") ?? req.headers["last-event-id"];
  // An address that cannot name an incident is "not found", like a missing one.
  const incidentId = parseRouteId(segment);
  if (!incidentId) return refuse(res, 404, notFound("That incident").message);
  const input = liveFeedInput.safeParse({ after: after || undefined });
  if (!input.success) return refuse(res, 400, describeZodError(input.error));
  const actor = await userFromCookieHeader(req.headers.cookie);
  if (!actor) return refuse(res, 401, "Sign in to follow this incident live.");

  const stop = new AbortController();
  res.once("close", () => stop.abort());
  const feed = incidentFeed({ actor }, incidentId, input.data.after ?? 0, stop.signal);
  // The first item decides the answer: a hidden or missing incident throws before anything is sent.
  let item = await feed.next();
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" });
  res.write(eventFrame("connected", {}));
  const ping = setInterval(() => res.write(": ping\n\n"), PING_MS);
  try {
    for (; !item.done; item = await feed.next()) {
      if (!res.write(frameOf(item.value))) await drainedOrClosed(res);
      if (stop.signal.aborted) break;
    }
    res.end(eventFrame("ended", { code: "RETURN", message: "The stream ended; open it again to go on." }));
  } finally {
    clearInterval(ping);
    await feed.return(undefined);
  }
}
