import type http from "node:http";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { resolveResponse } from "@trpc/server/http";
import { drainedOrClosed } from "@/server/http/drained";
import { abortedOnClose, requestShaped } from "@/server/http/request-shaped";
import { logger } from "@/server/log";
import { createContext } from "./context";
import { appRouter } from "./root";

export const TRPC_PATH = "/api/trpc/";
// The largest legitimate body is a runbook revision; anything far beyond is refused unread.
const MAX_BODY_BYTES = 5 * 1024 * 1024;
// Every call of a batch runs before the answer goes out: one request with hundreds kept a process busy
// for minutes. The client's batch link sends at most this many (components/trpc/client.tsx).
export const MAX_BATCH_CALLS = 20;
// Subscriptions (SSE) and streamed batches must flow as they come; every other answer is sent whole.
const STREAMED = /^(text\/event-stream|application\/jsonl)/;

/**
 * The tRPC endpoint, served by the app's own HTTP server rather than through Next's routing: an API
 * call needs none of Next's page machinery, and skipping it more than doubled the requests one
 * process answers (see bench/). Queries, mutations and SSE subscriptions all come through here.
 */
export function createTrpcHandler(): http.RequestListener {
  return (req, res) => {
    answer(req, res).catch((error: unknown) => {
      logger.error({ err: error, requestId: req.headers["x-request-id"] }, "tRPC request failed outside a procedure");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Something went wrong on our side. Try again.", code: -32603 } }));
    });
  };
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = procedurePath(req.url ?? "");
  if (path === null) return refuse(res, "The API address is not valid: check the procedure name in the URL.");
  if (batchSize(req.url ?? "", path) > MAX_BATCH_CALLS) return refuse(res, `A request may batch at most ${MAX_BATCH_CALLS} calls.`);
  // Queries and subscriptions (GET) carry no body: a Request-shaped object does (request-shaped.ts).
  const request =
    req.method === "GET"
      ? requestShaped({ method: "GET", url: `http://daytwo.local${req.url ?? "/"}`, headers: req.headers, signal: abortedOnClose(res) })
      : incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES });
  const requestId = String(req.headers["x-request-id"] ?? "") || undefined;
  const response = await resolveResponse({
    router: appRouter,
    req: request,
    path,
    error: null,
    createContext: () => createContext({ cookie: req.headers.cookie, requestId }),
  });
  const headers: http.OutgoingHttpHeaders = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  if (!response.body || !STREAMED.test(response.headers.get("content-type") ?? "")) {
    // One write with a length: no chunked encoding, no stream plumbing, one syscall per answer.
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...headers, "content-length": body.length });
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once("close", stop);
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!res.write(chunk.value)) await drainedOrClosed(res);
    }
  } finally {
    res.off("close", stop);
    res.end();
  }
}

function refuse(res: http.ServerResponse, message: string): void {
  const body = JSON.stringify({ error: { message, code: -32600 } });
  res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** How many calls tRPC would run for this URL: a batch names its procedures comma-separated. */
function batchSize(url: string, path: string): number {
  const query = url.split("?")[1] ?? "";
  return new URLSearchParams(query).get("batch") === "1" ? path.split(",").length : 1;
}

/** The procedure path of a tRPC URL, decoded; null when its percent-escapes are malformed. */
function procedurePath(url: string): string | null {
  try {
    return decodeURIComponent(url.slice(TRPC_PATH.length).split("?")[0] ?? "");
  } catch {
    return null;
  }
}
