// Whole numbers as inputs accept them: the columns behind them are PostgreSQL int4, so anything
// beyond 2^31 − 1 is refused as input rather than failing the query as "out of range" (a 500).
import { z } from "zod";

export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

type Bounds = {
  min?: number;
  max?: number;
  /** One message for every way the number can be wrong; or the three below, each for its case. */
  message?: string;
  wholeMessage?: string;
  minMessage?: string;
  maxMessage?: string;
};

function bounded(number: z.ZodNumber, { min = INT4_MIN, max = INT4_MAX, message, wholeMessage, minMessage, maxMessage }: Bounds) {
  return number
    .int(wholeMessage ?? message ?? "Enter a whole number")
    .min(Math.max(min, INT4_MIN), minMessage ?? message ?? `Enter a number of at least ${min}`)
    .max(Math.min(max, INT4_MAX), maxMessage ?? message ?? `Enter a number of at most ${max}`);
}

/** A whole number within int4 (narrowed further by `min`/`max`). */
export const int4 = (bounds: Bounds = {}) => bounded(z.number({ error: bounds.wholeMessage ?? bounds.message ?? "Enter a whole number" }), bounds);

/** Versions, revision numbers, event ids: 1 … 2^31 − 1. */
export const positiveInt4 = (message = "That number is out of range: it must be a whole number from 1 to 2147483647") => int4({ min: 1, message });

/** A form or URL field that arrives as text ("12"): coerced, then bounded like `int4`. */
export const coercedInt4 = (bounds: Bounds = {}) => bounded(z.coerce.number({ error: bounds.wholeMessage ?? bounds.message ?? "Enter a number" }), bounds);
