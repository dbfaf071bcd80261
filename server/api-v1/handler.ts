// The REST API at /api/v1, served by the app's own HTTP server like the alert receiver. Each request:
// token → rate limit → (POST with Idempotency-Key: claim or replay) → the tRPC procedure itself,
// called as tRPC calls it (run-procedure.ts), so verbs, permission checks, timeline events and audit rows are the UI's.
import type http from "node:http";
import { getDb } from "@/db/client";
import { serverEnv } from "@/env";
import { authenticateApiToken, bearerToken } from "@/server/api-tokens/authenticate";
import { logger } from "@/server/log";
import { API_BASE_PATH, openApiDocument } from "./document";
import { renderDocsPage } from "./docs-page";
import { type ApiError, httpStatusOf } from "./errors";
import { claimIdempotencyKey, isValidIdempotencyKey, requestHash, settleIdempotencyKey, type StoredAnswer } from "./idempotency";
import { queryInput, wrongBodyType } from "./input-types";
import { type ApiRoute, findRoute } from "./routes";
import { runProcedure } from "./run-procedure";
import type { Context } from "@/server/trpc/context";
import { takeMinuteSlot } from "@/server/http/minute-window";

const MAX_BODY_BYTES = 1024 * 1024;
const WITH_BODY = new Set(["POST", "PATCH", "PUT"]);

const DOCS_PATH = /^\/api\/docs\/?(?:\?.*)?$/;
export const isApiV1Request = (url: string | undefined) => url === API_BASE_PATH || /^\/api\/v1[/?]/.test(url ?? "") || DOCS_PATH.test(url ?? "");

export function handleApiV1Request(req: http.IncomingMessage, res: http.ServerResponse): void {
  answer(req, res).catch((error: unknown) => {
    const requestId = String(req.headers["x-request-id"] ?? "");
    logger.error({ err: error, requestId }, "API request failed outside a procedure");
    if (!res.headersSent) sendError(res, { code: "internal", message: `Something went wrong on our side. Try again; if it keeps failing, give an admin this reference: ${requestId}.` });
    else res.end();
  });
}

async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  const pathname = (req.url ?? "/").split("?")[0]!;
  if (DOCS_PATH.test(req.url ?? "")) {
    const html = Buffer.from(renderDocsPage(publicOrigin(req)));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "content-length": html.length });
    return void res.end(html);
  }
  if (pathname === `${API_BASE_PATH}/openapi.json` && (method === "GET" || method === "HEAD"))
    return send(res, { status: 200, body: JSON.stringify(openApiDocument()) }, { "cache-control": "no-cache" });
  const db = await getDb();
  const caller = await authenticateApiToken(db, bearerToken(req.headers.authorization), String(req.headers["x-daytwo-client-ip"] ?? ""));
  if ("message" in caller) return sendError(res, { code: "unauthorized", message: caller.message }, { "www-authenticate": 'Bearer realm="daytwo"' });
  const retryAfter = await takeMinuteSlot(db, "apiToken", caller.token.id, caller.token.requestsPerMinute);
  if (retryAfter !== null) {
    return sendError(
      res,
      { code: "rate_limited", message: `This token may make ${caller.token.requestsPerMinute} requests a minute. Try again in ${retryAfter} s.` },
      { "retry-after": String(retryAfter) },
    );
  }
  // HEAD is GET without the body (Node leaves the body out of a HEAD answer).
  const found = findRoute(method === "HEAD" ? "GET" : method, pathname);
  if (!found) return sendError(res, { code: "not_found", message: "There is no such endpoint. See /api/docs for the list." });
  const hasBody = WITH_BODY.has(method);
  if (hasBody && !/^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? ""))
    return sendError(res, { code: "unsupported_media_type", message: "Send the body as JSON, with Content-Type: application/json." });
  const body = hasBody ? await readBody(req) : Buffer.alloc(0);
  if (body === null) return sendError(res, { code: "too_large", message: "A request body may be at most 1 MB." }, { connection: "close" });
  const input = hasBody ? bodyInput(found.route, body, found.params) : queryStringInput(req, found.route, found.params);
  if ("error" in input) return sendError(res, input.error);
  const ctx: Context = { db, requestId: String(req.headers["x-request-id"] ?? ""), user: caller.actor, apiToken: caller.token };
  const run = () => runProcedure(found.route, input.value, ctx);
  const key = req.headers["idempotency-key"];
  if (method !== "POST" || typeof key !== "string") return send(res, await run());
  if (!isValidIdempotencyKey(key)) return sendError(res, { code: "invalid", message: "Idempotency-Key: use 1 to 255 visible ASCII characters (a UUID is a good choice).", field: "Idempotency-Key" });
  const claim = await claimIdempotencyKey(db, caller.token.id, key, requestHash(method, req.url ?? "", body));
  if (claim.kind === "mismatch")
    return sendError(res, { code: "conflict", message: "Idempotency-Key: this key was already used for a different request. Use a new key for each new request.", field: "Idempotency-Key" });
  if (claim.kind === "busy") return sendError(res, { code: "conflict", message: "A request with this Idempotency-Key is still running. Retry in a moment." }, { "retry-after": "1" });
  if (claim.kind === "replay") return send(res, claim.answer, { "idempotent-replayed": "true" });
  let result: StoredAnswer = { status: 500, body: "" };
  try {
    result = await run();
  } finally {
    await settleIdempotencyKey(db, caller.token.id, key, result);
  }
  send(res, result);
}

/** Where curl examples point: AUTH_URL when set (behind a proxy), else the host this request named. */
function publicOrigin(req: http.IncomingMessage): string {
  const configured = serverEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://${req.headers.host ?? "localhost:3000"}`;
}

/** A query's input: its query string read by the route's field types, with the path's parameters (which win). */
function queryStringInput(req: http.IncomingMessage, route: ApiRoute, params: Record<string, string>): { value: unknown } {
  if (!route.takesInput) return { value: undefined };
  const search = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
  return { value: { ...queryInput(route, search), ...params } };
}

/** A JSON body as the procedure's input (path parameters win), or the 400 that says what is wrong with it. */
function bodyInput(route: ApiRoute, body: Buffer, params: Record<string, string>): { value: Record<string, unknown> } | { error: ApiError } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return { error: { code: "invalid", message: "The request body is not valid JSON." } };
  }
  if (!isJsonObject(parsed)) return { error: { code: "invalid", message: "The request body must be a JSON object." } };
  const wrongType = wrongBodyType(route, parsed);
  return wrongType ? { error: wrongType } : { value: { ...parsed, ...params } };
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The whole body, or null when it is larger than the API accepts. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: http.ServerResponse, answer: StoredAnswer, extra: http.OutgoingHttpHeaders = {}): void {
  const body = Buffer.from(answer.body);
  res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": body.length, ...extra });
  res.end(body);
}

const sendError = (res: http.ServerResponse, error: ApiError, extra: http.OutgoingHttpHeaders = {}) => send(res, { status: httpStatusOf(error.code), body: JSON.stringify(error) }, extra);
