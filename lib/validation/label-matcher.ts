// One alert label matcher as every input accepts it (runbooks' alert matchers, alert routing rules):
// a Prometheus label name, an operator, and a value that, for the regex operators, must compile.
import { z } from "zod";
import { alertMatcherOps, anchoredRegex } from "@/lib/alert-matchers";
import { text } from "./text";

export const labelName = text({ max: 100 }).regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "An alert label is a name like alertname or service (letters, digits, underscore)");

export const labelMatcher = z
  .object({
    label: labelName,
    // Optional: matchers stored before operators existed mean "=".
    op: z.enum(alertMatcherOps, "Choose how to compare: =, !=, =~ or !~").optional(),
    value: text({ max: 200, keepSpaces: true }),
  })
  .refine((m) => !m.op?.includes("~") || anchoredRegex(m.value) !== null, { message: "This regular expression does not compile; check its brackets and escapes", path: ["value"] })
  .refine((m) => (m.op ?? "=") !== "=" || m.value.length > 0, { message: "Give the alert label a value to match", path: ["value"] });
