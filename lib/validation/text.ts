// Text as every input accepts it: PostgreSQL refuses a NUL byte in text, and a lone UTF-16
// surrogate cannot be written to jsonb (audit rows, documents), so both are refused at the door
// with a message a person can act on, rather than failing deep in a write as a server error.
import { z } from "zod";

export const NUL_MESSAGE = "Remove the invisible control character (a NUL byte) from this text; it was probably pasted in by accident.";
export const SURROGATE_MESSAGE = "This text contains a broken character (half of an emoji or symbol); retype or remove it.";

// In a `u` regex a well-formed surrogate pair is one code point, so only a lone half matches.
const loneSurrogate = /\p{Cs}/u;

/** True when PostgreSQL can store the string as text and inside jsonb. */
export const isStorableText = (value: string) => !value.includes("\u0000") && !loneSurrogate.test(value);

/** Any string that can be stored: no NUL byte, no lone surrogate. Not trimmed, not bounded. */
export const storableString = () =>
  z
    .string()
    .refine((value) => !value.includes("\u0000"), NUL_MESSAGE)
    .refine((value) => !loneSurrogate.test(value), SURROGATE_MESSAGE);

type TextOptions = {
  /** Longest accepted length (after trimming); every input text has one. */
  max: number;
  maxMessage?: string;
  /** Shortest accepted length (after trimming); 0 when omitted. */
  min?: number;
  minMessage?: string;
  /** Keep leading and trailing spaces (passwords, pasted Markdown). */
  keepSpaces?: boolean;
};

/** A bounded, storable input text, trimmed unless `keepSpaces`. */
export function text({ max, maxMessage, min, minMessage, keepSpaces }: TextOptions) {
  const base = keepSpaces ? storableString() : storableString().trim();
  const bounded = base.max(max, maxMessage ?? `Keep this under ${max.toLocaleString("en")} characters`);
  return min ? bounded.min(min, minMessage ?? (min === 1 ? "Fill this in" : `Use at least ${min} characters`)) : bounded;
}
