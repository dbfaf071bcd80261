import { actionItemStatusLabels } from "@/lib/action-items";
import { toCsv } from "@/lib/csv";
import type { ServiceContext } from "@/server/context";
import { filterConditions, selectActionItems } from "./read-model";
import type { ActionItemFilters } from "./schemas";

const header = ["Title", "Owner", "Team", "Status", "Priority", "Kind", "Due", "Overdue", "Incident", "Tracker", "Created", "Closed", "Won't do reason"];
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** The dashboard's table as CSV: the same filters, the same visibility rules, up to 10 000 rows. */
export async function actionItemsCsv(ctx: ServiceContext, filters: ActionItemFilters): Promise<string> {
  const now = ctx.now?.() ?? new Date();
  const items = await selectActionItems(ctx.db, ctx.actor, filterConditions(filters, now), now, 10_000);
  return toCsv(
    header,
    items.map((item) => [
      item.title,
      item.owner.name,
      item.team?.name ?? "",
      actionItemStatusLabels[item.status],
      item.priority,
      item.kind,
      day(item.dueAt),
      item.isOverdue ? "yes" : "no",
      item.incident?.reference ?? "",
      item.tracker?.url ?? "",
      day(item.createdAt),
      day(item.doneAt),
      item.wontDoReason ?? "",
    ]),
  );
}
