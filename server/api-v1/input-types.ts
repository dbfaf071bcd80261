import type { ApiError } from "./errors";
import type { ApiRoute } from "./routes";

// A query string carries only text, so its numbers and booleans are read here, by the types the
// OpenAPI document gives each parameter. A JSON body carries its own types and is not converted: a
// field that must be a number or a boolean and arrives as anything else is refused naming the field
// ("false" is not false, and null is not 0). The procedures' zod schemas never coerce.

/** Text the schema refuses with the field named, rather than a guess: "2x" is not a number. */
function scalar(text: string, type: "string" | "number" | "boolean"): unknown {
  if (type === "number") return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (type === "boolean") return text === "true" || text === "1" ? true : text === "false" || text === "0" ? false : text;
  return text;
}

/**
 * The procedure's input from a query string: repeated or list parameters become arrays, and an empty
 * one (`?serviceId=`, as URL builders write an unset filter) counts as not given.
 */
export function queryInput(route: ApiRoute, search: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    const field = route.query.get(name) ?? { type: "string", list: false };
    const values = search
      .getAll(name)
      .filter((text) => text !== "")
      .map((text) => scalar(text, field.type));
    if (!values.length) continue;
    input[name] = field.list || values.length > 1 ? values : values[0];
  }
  return input;
}

/** The first body field whose JSON type is not the one documented, as the API's 400; else null. */
export function wrongBodyType(route: ApiRoute, body: Record<string, unknown>): ApiError | null {
  for (const [name, { type, nullable }] of route.body) {
    const value = body[name];
    if (value === undefined || (value === null && nullable) || typeof value === type) continue;
    const expected = type === "boolean" ? "true or false" : "a number";
    return { code: "invalid", message: `${name}: expected ${expected} (JSON ${type}), not ${JSON.stringify(value)?.slice(0, 40)}`, field: name };
  }
  return null;
}
