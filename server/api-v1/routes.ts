// The /api/v1 route table, built once: each published procedure's method and path (its `openapi`
// metadata, as in the document), and the JSON types of its query and body fields, read from the OpenAPI
// document, which the same zod schemas produce, so no field is described twice.
import type { AnyTRPCProcedure } from "@trpc/server";
import type { ApiMeta } from "@/server/trpc/api-meta";
import { appRouter } from "@/server/trpc/root";
import { API_BASE_PATH, openApiDocument } from "./document";

/** How a query parameter's text becomes the value the procedure's schema expects. */
export type QueryField = { type: "string" | "number" | "boolean"; list: boolean };
/** A JSON body field that must arrive as a number or a boolean. */
export type BodyField = { type: "number" | "boolean"; nullable: boolean };

export type ApiRoute = {
  method: string;
  pattern: RegExp;
  /** The tRPC procedure's path ("incidents.get"). */
  procedure: string;
  type: "query" | "mutation";
  takesInput: boolean;
  query: Map<string, QueryField>;
  body: Map<string, BodyField>;
};

type JsonSchema = { type?: string | string[]; items?: JsonSchema; properties?: Record<string, JsonSchema> };
type Operation = { parameters?: { name: string; in: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

let byMethod: Map<string, ApiRoute[]> | null = null;

const typesOf = (schema: JsonSchema | undefined) => (Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : []);
function scalarOf(schema: JsonSchema | undefined): "number" | "boolean" | null {
  const types = typesOf(schema);
  return types.includes("boolean") ? "boolean" : types.includes("integer") || types.includes("number") ? "number" : null;
}

function queryFields(operation: Operation | undefined): Map<string, QueryField> {
  const fields = new Map<string, QueryField>();
  for (const parameter of operation?.parameters ?? []) {
    if (parameter.in !== "query") continue;
    const list = typesOf(parameter.schema).includes("array");
    fields.set(parameter.name, { type: scalarOf(list ? parameter.schema?.items : parameter.schema) ?? "string", list });
  }
  return fields;
}

function bodyFields(operation: Operation | undefined): Map<string, BodyField> {
  const fields = new Map<string, BodyField>();
  const properties = operation?.requestBody?.content?.["application/json"]?.schema?.properties ?? {};
  for (const [name, schema] of Object.entries(properties)) {
    const type = scalarOf(schema);
    if (type) fields.set(name, { type, nullable: typesOf(schema).includes("null") });
  }
  return fields;
}

type ZodLike = { _zod?: { def?: { type?: string } } };
/** A procedure without an input schema, or with z.void(), is called with no input at all. */
function takesInput(procedure: AnyTRPCProcedure): boolean {
  const inputs = (procedure._def as { inputs: ZodLike[] }).inputs;
  return inputs.length > 0 && !inputs.every((schema) => schema._zod?.def?.type === "void");
}

/** "/incidents/{incidentId}" → /^\/api\/v1\/incidents\/(?<incidentId>[^/]+)\/?$/i */
const patternOf = (path: string) => {
  const literal = (API_BASE_PATH + path).replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  return new RegExp(`^${literal.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}/?$`, "i");
};

function buildTable(): Map<string, ApiRoute[]> {
  const table = new Map<string, ApiRoute[]>();
  const paths = (openApiDocument().paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [name, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>)) {
    const openapi = (procedure._def.meta as ApiMeta | undefined)?.openapi;
    if (!openapi || procedure._def.type === "subscription") continue;
    const operation = paths[openapi.path]?.[openapi.method.toLowerCase()];
    const route: ApiRoute = {
      method: openapi.method,
      pattern: patternOf(openapi.path),
      procedure: name,
      type: procedure._def.type,
      takesInput: takesInput(procedure),
      query: queryFields(operation),
      body: bodyFields(operation),
    };
    table.set(route.method, [...(table.get(route.method) ?? []), route]);
  }
  return table;
}

/** The route a request names, with its path parameters; null when there is none. */
export function findRoute(method: string, pathname: string): { route: ApiRoute; params: Record<string, string> } | null {
  byMethod ??= buildTable();
  for (const route of byMethod.get(method) ?? []) {
    const match = route.pattern.exec(pathname);
    if (match) return { route, params: decodedParams(match.groups) };
  }
  return null;
}

function decodedParams(groups: Record<string, string> | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups ?? {})) {
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      params[name] = value; // Malformed escapes: the schema refuses the raw text with the field named.
    }
  }
  return params;
}
