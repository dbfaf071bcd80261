// Turns an audit row's before/after JSON into lines a person reads: "role: viewer → admin", with ids
// replaced by the names (or INC-n references) the server looked up for them.
import { isUuid } from "@/lib/validation/ids";

export type AuditChangeLine = { field: string; before: string | null; after: string | null };
export type NameOf = (id: string) => string | undefined;

const MAX_VALUE = 160;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** "severityId" → "severity", "serviceIds" → "services", "dueAt" → "due at". */
export function fieldLabel(key: string): string {
  const base = key.endsWith("Ids") ? `${key.slice(0, -3)}s` : key.endsWith("Id") && key.length > 2 ? key.slice(0, -2) : key;
  return base
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** One value as text: ids by name, yes/no, lists joined, nested objects as "key: value" pairs. */
export function formatAuditValue(value: unknown, nameOf: NameOf): string | null {
  if (value === null || value === undefined) return null;
  let text: string;
  if (typeof value === "string") text = isUuid(value) ? (nameOf(value) ?? `${value.slice(0, 8)}…`) : value;
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else if (typeof value === "number" || typeof value === "bigint") text = String(value);
  else if (Array.isArray(value)) text = value.length === 0 ? "none" : value.map((item) => formatAuditValue(item, nameOf) ?? "—").join(", ");
  else if (isRecord(value))
    text = Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(key)}: ${formatAuditValue(inner, nameOf) ?? "—"}`)
      .join(", ");
  else text = String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The fields that differ between before and after, each as one line. A creation (no before) lists
 * what was set; a deletion (no after) what was there. Values that are not objects make one line.
 */
export function describeAuditChange(before: unknown, after: unknown, nameOf: NameOf): AuditChangeLine[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [from, to] = [formatAuditValue(before, nameOf), formatAuditValue(after, nameOf)];
    return from === null && to === null ? [] : [{ field: "", before: from, after: to }];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const lines: AuditChangeLine[] = [];
  for (const key of keys) {
    if (JSON.stringify(from[key]) === JSON.stringify(to[key]) && isRecord(before) && isRecord(after)) continue;
    lines.push({ field: fieldLabel(key), before: formatAuditValue(from[key], nameOf), after: formatAuditValue(to[key], nameOf) });
  }
  return lines;
}

/** Every uuid anywhere in a JSON value, for one batched name lookup. */
export function collectUuids(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string" && isUuid(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectUuids(item, into);
  else if (isRecord(value)) for (const inner of Object.values(value)) collectUuids(inner, into);
  return into;
}
