// The tRPC wire format: plain JSON in which a Date travels as a tagged string. superjson did this
// generically (Maps, Sets, class registries, shared references, a path table per Date) and was the
// largest cost of a 500-event timeline; Daytwo only ever sends Dates, so one walk each way suffices.
//
// A Date becomes "\u0000d:<ISO time>". A string that itself starts with "\u0000" gets one more
// "\u0000" in front, so no text a person typed can be mistaken for a Date.
import { TRPCError, type DataTransformer } from "@trpc/server";

const TAG = "\u0000";
const DATE = `${TAG}d:`;

// Copy on write: an object or array is copied only when something inside it changes (a Date, a
// tagged string); the rest is handed to JSON.stringify as it is. A 500-event timeline then copies
// the events (they carry Dates) but not their actors or data, and spent a tenth of its time here.
// The value given is never modified: it may be shared (the live feed hands one event to many).
function encode(value: unknown): unknown {
  if (typeof value === "string") return value.charCodeAt(0) === 0 ? TAG + value : value;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? DATE : DATE + value.toISOString();
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const encoded = encode(item);
      if (encoded !== item) (copy ??= value.slice())[index] = encoded;
    }
    return copy ?? value;
  }
  // for…in over the value's own keys: no entries array per object (this runs on every field sent).
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const item = record[key];
    const encoded = encode(item);
    if (encoded !== item) (copy ??= { ...record })[key] = encoded;
  }
  // Undefined properties stay: JSON.stringify leaves them out, as it did when they were dropped here.
  return copy ?? record;
}

// No input of ours nests anywhere near this deep (a rich document stops at 50 levels); without a
// bound, a body of thousands of nested arrays would overflow the stack here and answer a 500.
export const MAX_JSON_DEPTH = 200;
export const TOO_DEEP_MESSAGE = `The request is nested too deeply (more than ${MAX_JSON_DEPTH} levels of lists or objects). Send flatter data, or reload the page and try again.`;

/** Rewrites freshly parsed JSON in place: nothing else holds a reference to it. */
function decode(value: unknown, depth = 0): unknown {
  if (typeof value === "string") {
    if (!value.startsWith(TAG)) return value;
    return value.startsWith(DATE) ? new Date(value.length === DATE.length ? Number.NaN : value.slice(DATE.length)) : value.slice(TAG.length);
  }
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_JSON_DEPTH) throw new TRPCError({ code: "BAD_REQUEST", message: TOO_DEEP_MESSAGE });
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = decode(value[index], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = decode(record[key], depth + 1);
  return record;
}

export const transformer: DataTransformer = { serialize: encode, deserialize: decode };
