// Record ids. Every id column is a PostgreSQL uuid: a string that merely looks like one (36 hex
// characters and dashes, but not a UUID) must be refused here, since PostgreSQL answers it with an error.
import { z } from "zod";

export const id = (message = "That is not a valid id") => z.uuid(message);

const uuidSchema = z.uuid();

/** True when PostgreSQL will accept `value` as a uuid. */
export const isUuid = (value: unknown): value is string => uuidSchema.safeParse(value).success;

/**
 * The id from a route segment (`/incidents/[id]`), or null when it cannot name a record: the page
 * or handler answers 404. Next hands segments over decoded; a raw one may still carry escapes.
 */
export function parseRouteId(segment: string): string | null {
  let decoded = segment;
  if (segment.includes("%")) {
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
  }
  return isUuid(decoded) ? decoded.toLowerCase() : null;
}
