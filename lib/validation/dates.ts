// Dates as inputs accept a Date (what the app's own client sends) or an ISO 8601 string, nothing
// looser: JavaScript's parser alone takes almost anything ("&7*" is 1 July 2001). JavaScript dates
// also reach far past what PostgreSQL's timestamptz holds (year −271821), which it answers with an
// error; a real date in an incident tool is never before 1900 nor after 9999.
import { z } from "zod";

const earliest = new Date("1900-01-01T00:00:00Z");
const latest = new Date("9999-12-31T23:59:59Z");

/** 2026-05-01, 2026-05-01T10:00, 2026-05-01T10:00:00.123Z, 2026-05-01T10:00:00+02:00 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export const dateInput = (message = "Enter a date between the years 1900 and 9999") =>
  z
    .union([z.date(), z.string().regex(ISO_DATE)], { error: message })
    // The public API's document shows the one form a script sends.
    .meta({
      override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
        for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
        Object.assign(jsonSchema, { type: "string", description: "An ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T10:00:00Z" });
      },
    })
    .pipe(z.coerce.date<string | Date>({ error: message }).min(earliest, message).max(latest, message));

/** A live list's stream input: when the page's list was read; changes after it are signalled first. */
export const changesSinceInput = z.object({ since: dateInput().optional() }).optional();
