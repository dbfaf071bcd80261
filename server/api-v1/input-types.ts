import type { ApiError } from "./errors";
import { API_BASE_PATH, openApiDocument } from "./document";

// trpc-to-openapi switches on zod's coercion for every number and boolean field of a procedure's
// input, query or body alike. Right for a query string, where everything arrives as text; wrong for a
// JSON body, where "false" would become true and null would become 0. So, before the library sees a
// request: boolean query parameters are respelled so coercion reads them right, and body fields must
// already carry their JSON type (else a 400 naming the field). Both read the OpenAPI document, which
// comes from the same zod schemas, so no field is listed twice.
type Scalar = "boolean" | "number";
type Route = { method: string; pattern: RegExp; fields: Map<string, { type: Scalar; nullable: boolean }> };
type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema> };
type Operation = { parameters?: { name: string; in: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };

let routes: Route[] | null = null;

const typesOf = (schema: JsonSchema | undefined) => (Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : []);
function scalarOf(schema: JsonSchema | undefined): { type: Scalar; nullable: boolean } | null {
  const types = typesOf(schema);
  const type = types.includes("boolean") ? "boolean" : types.includes("integer") || types.includes("number") ? "number" : null;
  return type ? { type, nullable: types.includes("null") } : null;
}

function typedRoutes(): Route[] {
  routes ??= Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) => {
    const pattern = new RegExp(`^${API_BASE_PATH}${path.replace(/\{\w+\}/g, "[^/]+")}/?$`, "i");
    return Object.entries(item as Record<string, Operation>).flatMap(([method, operation]) => {
      const fields = new Map<string, { type: Scalar; nullable: boolean }>();
      if (method === "get") {
        for (const parameter of operation.parameters ?? [])
          if (parameter.in === "query" && typesOf(parameter.schema).includes("boolean")) fields.set(parameter.name, { type: "boolean", nullable: false });
      } else {
        const properties = operation.requestBody?.content?.["application/json"]?.schema?.properties ?? {};
        for (const [name, schema] of Object.entries(properties)) {
          const scalar = scalarOf(schema);
          if (scalar) fields.set(name, scalar);
        }
      }
      return fields.size ? [{ method: method.toUpperCase(), pattern, fields }] : [];
    });
  });
  return routes;
}

const routeFor = (method: string, pathname: string) => typedRoutes().find((route) => route.method === method && route.pattern.test(pathname));

/** The request URL with boolean query parameters spelled so the library reads them right. */
export function fixQueryBooleans(url: URL): URL {
  const route = routeFor("GET", url.pathname);
  for (const name of route?.fields.keys() ?? []) {
    const value = url.searchParams.get(name);
    if (value === "false" || value === "0") url.searchParams.set(name, "");
  }
  return url;
}

/** The first body field whose JSON type is not the one documented, as the API's 400; else null. */
export function wrongBodyType(method: string, pathname: string, body: Buffer): ApiError | null {
  const route = routeFor(method, pathname);
  if (!route) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return null; // The library answers malformed JSON in its own words.
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  for (const [name, { type, nullable }] of route.fields) {
    const value = (parsed as Record<string, unknown>)[name];
    if (value === undefined || (value === null && nullable) || typeof value === type) continue;
    const expected = type === "boolean" ? "true or false" : "a number";
    return { code: "invalid", message: `${name}: expected ${expected} (JSON ${type}), not ${JSON.stringify(value)?.slice(0, 40)}`, field: name };
  }
  return null;
}
