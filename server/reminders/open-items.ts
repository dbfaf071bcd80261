// Open action items with their owner's address: what the due-soon and overdue rules read.
import { and, eq, gt, inArray, isNull, lte, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, users } from "@/db/schema";
import { activeStatuses } from "@/lib/action-items";

export type OpenItem = { id: string; title: string; dueAt: Date; ownerId: string; ownerEmail: string; ownerName: string; incidentId: string | null };

/** Open items due in (after, until]; deactivated owners get nothing. No visibility filter: owners are participants. */
export async function openItemsDue(db: DbOrTx, range: { after?: Date; until: Date }): Promise<OpenItem[]> {
  const filters: SQL[] = [inArray(actionItems.status, [...activeStatuses]), lte(actionItems.dueAt, range.until), isNull(users.deactivatedAt)];
  if (range.after) filters.push(gt(actionItems.dueAt, range.after));
  return db
    .select({
      id: actionItems.id,
      title: actionItems.title,
      dueAt: actionItems.dueAt,
      ownerId: actionItems.ownerId,
      ownerEmail: users.email,
      ownerName: users.name,
      incidentId: actionItems.incidentId,
    })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .where(and(...filters))
    .orderBy(actionItems.dueAt);
}

export const itemHref = (itemId: string) => `/action-items?item=${itemId}`;
