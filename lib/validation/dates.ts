// Dates as inputs accept them (an ISO string or a Date). JavaScript dates reach far past what
// PostgreSQL's timestamptz holds (year −271821), which it answers with an error; a real date in an
// incident tool is never before 1900 nor after 9999.
import { z } from "zod";

const earliest = new Date("1900-01-01T00:00:00Z");
const latest = new Date("9999-12-31T23:59:59Z");

export const dateInput = (message = "Enter a date between the years 1900 and 9999") => z.coerce.date({ error: message }).min(earliest, message).max(latest, message);

/** A live list's stream input: when the page's list was read; changes after it are signalled first. */
export const changesSinceInput = z.object({ since: dateInput().optional() }).optional();
