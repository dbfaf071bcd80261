import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { appRouter } from "@/server/trpc/root";
import type { ApiMeta } from "@/server/trpc/api-meta";
import { apiErrorSchema } from "./errors";

export const API_BASE_PATH = "/api/v1";

let built: OpenAPIObject | null = null;

/**
 * The OpenAPI 3.1 document, built once from the procedures' metadata. trpc-to-openapi describes its
 * own error shape; the API answers with {code, message, field} (errors.ts), so that is what it says.
 */
export function openApiDocument(): OpenAPIObject {
  if (built) return built;
  const document = generateOpenApiDocument(appRouter, {
    title: "Daytwo API",
    version: "1.0.0",
    description: "Declare and run incidents, read alerts, action items, runbooks and post-mortems. Authenticate with `Authorization: Bearer dt_…` (Settings → API tokens). Reference: /api/docs.",
    baseUrl: API_BASE_PATH,
    docsUrl: "/api/docs",
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A Daytwo API token (dt_…)" } },
  });
  const scopes = scopesByOperation();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { operationId?: string; description?: string; ["x-scope"]?: string; security?: unknown }>)) {
      const scope = scopes.get(operation.operationId ?? "");
      if (!scope) continue;
      operation["x-scope"] = scope;
      operation.description = `Needs the \`${scope}\` scope.${operation.description ? ` ${operation.description}` : ""}`;
      operation.security = [{ bearer: [] }];
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(schemas)) if (name.startsWith("error.")) schemas[name] = { ...apiErrorSchema, title: `Error (${name.slice("error.".length)})` };
  built = document;
  return document;
}

/** trpc-to-openapi names each operation after its procedure path ("incidents.get" → "incidents-get"). */
function scopesByOperation(): Map<string, string> {
  const scopes = new Map<string, string>();
  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: ApiMeta } })._def.meta;
    if (meta?.openapi && meta.scope) scopes.set(path.replaceAll(".", "-"), meta.scope);
  }
  return scopes;
}
