// Action item vocabulary, shared by the server and the browser.
import type { ActionItemStatus } from "@/db/enums";

export { actionItemKinds, actionItemPriorities, actionItemStatuses, type ActionItemStatus } from "@/db/enums";
/** Still to do: what counts as open, overdue or due soon everywhere (dashboard, reminders, runbook freshness). */
export const activeStatuses = ["open", "in_progress"] as const;
export const isActive = (status: ActionItemStatus) => (activeStatuses as readonly ActionItemStatus[]).includes(status);

export const actionItemStatusLabels: Record<ActionItemStatus, string> = { open: "Open", in_progress: "In progress", done: "Done", wont_do: "Won't do" };

/** Days until due by severity rank, unless an admin changed them (workspace.due_days_by_severity). */
export const defaultDueDays: Record<string, number> = { "1": 14, "2": 30, "3": 60, "4": 90 };

/** "OPS-123" from a Jira/Linear/GitHub-style link when recognisable, else the host. */
export function trackerLabel(url: string): string {
  const key = url.match(/\/([A-Z][A-Z0-9]+-\d+)(?:[/?#]|$)/)?.[1];
  if (key) return key;
  const github = url.match(/github\.com\/[^/]+\/([^/]+)\/(?:issues|pull)\/(\d+)/);
  if (github) return `${github[1]}#${github[2]}`;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
