import { getTRPCErrorFromUnknown, initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { can, type Action } from "@/server/auth/can";
import { DomainError } from "@/server/errors";
import { transformer } from "@/lib/trpc/transformer";
import type { ApiMeta } from "./api-meta";
import type { Context } from "./context";
import { describeZodError, toClientError } from "./error-mapping";

const t = initTRPC
  .context<Context>()
  .meta<ApiMeta>()
  .create({
    transformer,
    // Live streams: a ping every 15 s keeps proxies from closing a quiet stream, and lets the browser
    // notice a dead connection (no ping for 40 s) and reconnect after its last event.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      // The fields the form should mark: every invalid input field, or the one a domain error names.
      const domainField = error.cause instanceof DomainError ? error.cause.field : undefined;
      return {
        ...shape,
        message: zodError ? describeZodError(zodError) : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: zodError ? z.flattenError(zodError).fieldErrors : domainField ? { [domainField]: [shape.message] } : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Each procedure passes one gate, not a chain: tRPC copies the call's options at every middleware
// step, and on the API's hot paths three small steps cost more than the checks they made.
//
// The gate is also the one place domain errors become tRPC codes; procedures never try/catch for
// this. A subscription returns its stream before running it, so what the stream throws later is
// mapped on the way out too (a hidden incident's live feed answers NOT_FOUND, not a 500).
async function mapErrors<T extends { ok: boolean; error?: unknown; data?: unknown }>(result: T, path: string, type: string, requestId: string): Promise<T> {
  const context = { path, requestId };
  if (!result.ok) throw toClientError(result.error as TRPCError, context);
  if (type === "subscription" && isAsyncIterable(result.data)) return { ...result, data: mapStreamErrors(result.data, context) };
  return result;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> => typeof value === "object" && value !== null && Symbol.asyncIterator in value;

async function* mapStreamErrors(stream: AsyncIterable<unknown>, context: { path: string; requestId: string }) {
  try {
    yield* stream;
  } catch (error) {
    // A closed stream is not a failure; tRPC ends it quietly.
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw toClientError(getTRPCErrorFromUnknown(error), context);
  }
}

// A call made with an API token (only the REST endpoint makes those) needs the procedure's scope in
// the token; the role checks after this apply to the token's role as to anyone's.
function requireScope(ctx: Context, meta: ApiMeta | undefined): void {
  if (!ctx.apiToken) return;
  if (!meta?.scope) throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot do that." });
  if (!ctx.apiToken.scopes.includes(meta.scope)) throw new TRPCError({ code: "FORBIDDEN", message: `This token lacks the ${meta.scope} scope.` });
}

export const publicProcedure = t.procedure.use(async ({ ctx, meta, next, path, type }) => {
  requireScope(ctx, meta);
  return mapErrors(await next(), path, type, ctx.requestId);
});

/** Signed-in callers only and, with `action`, refuses before any input is read those whose role can never do it. */
function signedInProcedure(action?: { action: Action; message: string }) {
  return t.procedure.use(async ({ ctx, meta, next, path, type }) => {
    requireScope(ctx, meta);
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
    if (action && !can(ctx.user, action.action)) throw new TRPCError({ code: "FORBIDDEN", message: action.message });
    return mapErrors(await next({ ctx: { user: ctx.user } }), path, type, ctx.requestId);
  });
}

export const protectedProcedure = signedInProcedure();

/** Refuses, before any input is read, callers whose role can never do `action`. */
export const allowedProcedure = (action: Action, message: string) => signedInProcedure({ action, message });

// The gate in front of every domain's writes: the roles that may write at all (can.ts grants
// incident.write, runbook.write, post_mortem.write… to the same roles). Each verb behind it asks
// `can` again with its own action, and its resource where one matters, before it touches anything.
export const responderProcedure = allowedProcedure("incident.write", "Viewers can read but not change anything. Ask an admin for the responder role.");
export const adminProcedure = allowedProcedure("admin", "Only admins can do that.");
