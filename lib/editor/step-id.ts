// Stable ids for runbook checklist steps. Run mode records ticks by this id, so it must survive edits;
// made from getRandomValues because randomUUID is missing on plain-http origins (a self-hosted LAN).
const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

export function newStepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `s-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("")}`;
}

/** Ids we accept from a stored document: short and inert, so one can go into an HTML attribute. */
export const isStepId = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);
