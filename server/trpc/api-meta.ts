import type { OpenApiMeta } from "trpc-to-openapi";
import type { ApiScope } from "@/lib/api-scopes";

/**
 * Procedure metadata: `openapi` publishes a procedure at /api/v1 (trpc-to-openapi), `scope` is what an
 * API token needs to call it. A procedure without a scope cannot be called with a token.
 */
export type ApiMeta = OpenApiMeta<{ scope?: ApiScope }>;

/** The metadata of a REST endpoint: its method and path under /api/v1, the scope it needs, a summary. */
export function rest(method: "GET" | "POST" | "PATCH", path: `/${string}`, scope: ApiScope, summary: string, tag: string): ApiMeta {
  return { scope, openapi: { method, path, summary, tags: [tag], protect: true, errorResponses: errorsFor(method) } };
}

const errorsFor = (method: string): Record<number, string> =>
  method === "GET"
    ? { 400: "invalid: a parameter is not valid", 401: "unauthorized: no valid token", 403: "forbidden: the token lacks the scope or role", 404: "not_found", 429: "rate_limited" }
    : {
        400: "invalid: the body is not valid",
        401: "unauthorized: no valid token",
        403: "forbidden: the token lacks the scope or role",
        404: "not_found",
        409: "conflict: changed meanwhile, or idempotency key reused",
        429: "rate_limited",
      };
