import { openApiDocument } from "./document";

// trpc-to-openapi coerces query values with zod's coerce, and a coerced boolean is JavaScript's
// Boolean(value): "false" would read as true. Boolean query parameters are found in the document and
// "false"/"0" turned into "", which coerces to false, before the request reaches the library.
let routes: { pattern: RegExp; names: Set<string> }[] | null = null;

function booleanParameters() {
  routes ??= Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) => {
    const get = (item as { get?: { parameters?: { name: string; in: string; schema?: { type?: string } }[] } }).get;
    const names = new Set((get?.parameters ?? []).filter((parameter) => parameter.in === "query" && parameter.schema?.type === "boolean").map((parameter) => parameter.name));
    if (!names.size) return [];
    return [{ pattern: new RegExp(`^/api/v1${path.replace(/\{\w+\}/g, "[^/]+")}/?$`, "i"), names }];
  });
  return routes;
}

/** The request URL with boolean query parameters spelled so the library reads them right. */
export function fixQueryBooleans(url: URL): URL {
  const route = booleanParameters().find((entry) => entry.pattern.test(url.pathname));
  if (!route) return url;
  for (const name of route.names) {
    const value = url.searchParams.get(name);
    if (value === "false" || value === "0") url.searchParams.set(name, "");
  }
  return url;
}
