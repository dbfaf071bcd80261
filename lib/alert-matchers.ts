// Label matchers as Prometheus writes them: `=` equal, `!=` not equal, `=~` matches, `!~` does not
// match. Regexes are anchored at both ends, as in Alertmanager; a missing label reads as "". Shared by
// alert routing rules and runbook suggestions, and by the pages that edit them.
import type { AlertMatcherOp } from "@/db/enums";

export { alertMatcherOps, type AlertMatcherOp } from "@/db/enums";
export type LabelMatcher = { label: string; op?: AlertMatcherOp; value: string };

const compiled = new Map<string, RegExp | null>();

/** The anchored regex, or null when the pattern does not compile (validation refuses those first). */
export function anchoredRegex(pattern: string): RegExp | null {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, "u");
    } catch {
      regex = null;
    }
    if (compiled.size > 1_000) compiled.clear();
    compiled.set(pattern, regex);
  }
  return regex;
}

export function matchesLabel(matcher: LabelMatcher, labels: Record<string, string>): boolean {
  const actual = labels[matcher.label] ?? "";
  switch (matcher.op ?? "=") {
    case "=":
      return actual === matcher.value;
    case "!=":
      return actual !== matcher.value;
    case "=~":
      return anchoredRegex(matcher.value)?.test(actual) ?? false;
    case "!~":
      return !(anchoredRegex(matcher.value)?.test(actual) ?? true);
  }
}

/** Every matcher holds (an empty list matches everything: a catch-all rule). */
export const matchesAll = (matchers: LabelMatcher[], labels: Record<string, string>) => matchers.every((matcher) => matchesLabel(matcher, labels));

/** `service=checkout, env=~"prod|staging"`: regexes quoted, as Alertmanager prints them. */
export const matcherText = (matchers: LabelMatcher[]) => matchers.map(({ label, op = "=", value }) => `${label}${op}${op.includes("~") ? JSON.stringify(value) : value}`).join(", ");
