// The REST API at /api/v1, served by the app's own HTTP server like the alert receiver. Each request:
// token → rate limit → (POST with Idempotency-Key: claim or replay) → the tRPC procedure itself,
// through trpc-to-openapi (run-procedure.ts), so verbs, permission checks, timeline events and audit rows are the UI's.
import type http from "node:http";
import { getDb } from "@/db/client";
import { serverEnv } from "@/env";
import { authenticateApiToken, bearerToken, type ApiCaller } from "@/server/api-tokens/authenticate";
import { logger } from "@/server/log";
import { API_BASE_PATH, openApiDocument } from "./document";
import { renderDocsPage } from "./docs-page";
import { type ApiError, httpStatusOf, toApiError } from "./errors";
import { claimIdempotencyKey, isValidIdempotencyKey, requestHash, settleIdempotencyKey, type StoredAnswer } from "./idempotency";
import { wrongBodyType } from "./input-types";
import { runProcedure } from "./run-procedure";
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
  const body = WITH_BODY.has(method) ? await readBody(req) : Buffer.alloc(0);
  if (body === null) return sendError(res, { code: "too_large", message: "A request body may be at most 1 MB." }, { connection: "close" });
  const wrongType = body.length ? wrongBodyType(method, pathname, body) : null;
  if (wrongType) return sendError(res, wrongType);
  const key = req.headers["idempotency-key"];
  if (method !== "POST" || typeof key !== "string") return send(res, await answerProcedure(req, caller, body));
  if (!isValidIdempotencyKey(key)) return sendError(res, { code: "invalid", message: "Idempotency-Key: use 1 to 255 visible ASCII characters (a UUID is a good choice).", field: "Idempotency-Key" });
  const claim = await claimIdempotencyKey(db, caller.token.id, key, requestHash(method, req.url ?? "", body));
  if (claim.kind === "mismatch")
    return sendError(res, { code: "conflict", message: "Idempotency-Key: this key was already used for a different request. Use a new key for each new request.", field: "Idempotency-Key" });
  if (claim.kind === "busy") return sendError(res, { code: "conflict", message: "A request with this Idempotency-Key is still running. Retry in a moment." }, { "retry-after": "1" });
  if (claim.kind === "replay") return send(res, claim.answer, { "idempotent-replayed": "true" });
  let result: StoredAnswer = { status: 500, body: "" };
  try {
    result = await answerProcedure(req, caller, body);
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

/** Runs the procedure the path names, as the token's actor; failures come back in the API's shape. */
async function answerProcedure(req: http.IncomingMessage, caller: ApiCaller, body: Buffer): Promise<StoredAnswer> {
  const context = { db: await getDb(), requestId: String(req.headers["x-request-id"] ?? "") };
  const { status, text } = await runProcedure(req, caller, context, WITH_BODY.has(req.method ?? "") ? body : null);
  if (status >= 200 && status < 300) return { status, body: text || "null" };
  const error = toApiError(parseJson(text), status);
  return { status: httpStatusOf(error.code), body: JSON.stringify(error) };
}

const parseJson = (text: string) => {
  try {
    return JSON.parse(text) as Parameters<typeof toApiError>[0];
  } catch {
    return {};
  }
};

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
