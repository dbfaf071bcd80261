// Opaque list cursors: the server encodes a position as base64url JSON; whatever comes back is
// decoded and checked at the door, so a forged or stale cursor is a 400 the reader can act on,
// never a query that fails in the database.
import { z } from "zod";

export const CURSOR_MESSAGE = "This list link is out of date; reload the list.";

// atob/btoa and TextEncoder rather than Buffer: this module is shared with the browser.
export function encodeCursor(position: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeCursor(encoded: string): unknown {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
}

/** An input field that carries a cursor encoded by `encodeCursor`; parsed, it is the position. */
export function listCursor<T extends z.ZodType>(position: T) {
  return z
    .string()
    .max(500, CURSOR_MESSAGE)
    .regex(/^[A-Za-z0-9_-]+$/, CURSOR_MESSAGE)
    .transform((encoded, ctx): z.output<T> => {
      let decoded: unknown;
      try {
        decoded = decodeCursor(encoded);
      } catch {
        decoded = undefined;
      }
      const parsed = position.safeParse(decoded);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", message: CURSOR_MESSAGE });
      return z.NEVER;
    });
}
