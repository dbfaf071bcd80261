// Runs the tRPC procedure an /api/v1 path names, through trpc-to-openapi's request handler. The
// library's fetch adapter builds that handler, and with it the table of every procedure's path
// pattern, on each call, and then wraps the answer in a Web Response only for us to read it back: a
// REST call cost noticeably more than the same tRPC call. Here the handler is built once, and the
// answer is taken as the status and text the library writes.
import type http from "node:http";
import { TRPCError } from "@trpc/server";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";
import type { ApiCaller } from "@/server/api-tokens/authenticate";
import type { Context } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { requestShaped } from "@/server/http/request-shaped";
import { API_BASE_PATH } from "./document";
import { fixQueryBooleans } from "./input-types";

export type Answered = { status: number; text: string };
type Handler = (req: Request, res: CapturedResponse) => Promise<void>;
type CapturedResponse = { statusCode: number; setHeader(): void; end(body?: string): void };

// Each request's context, found again by the request object the library hands to createContext.
const contexts = new WeakMap<object, Context>();
let handler: Handler | undefined;

function openApiHandler(): Handler {
  handler ??= createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req }: { req: object }) => {
      const context = contexts.get(req);
      if (!context) throw new Error("an API request reached the procedure without its context");
      return context;
    },
  } as never) as unknown as Handler;
  return handler;
}

/**
 * The request as the library reads it (server/http/request-shaped.ts): its method, its path without
 * /api/v1 (query included), its content type, and its body already read, parsed as JSON once, when
 * the library asks. Its signal is handed only to our createContext, which ignores it: procedures
 * called over REST finish or fail on their own.
 */
function libraryRequest(req: http.IncomingMessage, body: Buffer | null): Request {
  const url = new URL(`http://daytwo.local${req.url ?? "/"}`);
  if (req.method === "GET") fixQueryBooleans(url);
  let parsed: { value: unknown } | undefined;
  return requestShaped({
    method: req.method ?? "GET",
    url: url.toString().replace(API_BASE_PATH, ""),
    headers: req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {},
    signal: NEVER_ABORTED,
    // Read twice by the library (a stream check, then the value).
    body: () => (parsed ??= { value: body === null ? undefined : parseJson(body) }).value,
  });
}

const NEVER_ABORTED = new AbortController().signal;

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (cause) {
    throw new TRPCError({ code: "PARSE_ERROR", message: "Failed to parse request body", cause });
  }
}

/** The procedure's answer as status and JSON text, with the token's actor as the caller. */
export function runProcedure(req: http.IncomingMessage, caller: ApiCaller, context: Omit<Context, "user" | "apiToken">, body: Buffer | null): Promise<Answered> {
  const request = libraryRequest(req, body);
  contexts.set(request, { ...context, user: caller.actor, apiToken: caller.token } as Context);
  return new Promise<Answered>((resolve, reject) => {
    const res: CapturedResponse = {
      statusCode: 200,
      setHeader() {},
      end(text) {
        resolve({ status: res.statusCode, text: text ?? "" });
      },
    };
    openApiHandler()(request, res).catch(reject);
  });
}
