import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, type ActionItem } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { notFound } from "@/server/errors";
import { visibleThrough } from "@/server/incidents/access";
import { ofActorTeam } from "./read-model";

/** Items of a private incident are hidden like their incident (hidden reads as missing); owners and responders may edit. */
export async function loadVisibleActionItem(db: DbOrTx, actor: Actor, actionItemId: string): Promise<{ item: ActionItem; canEdit: boolean }> {
  const [item] = await db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, actionItemId), visibleThrough(actor, actionItems.incidentId), ofActorTeam(actor)));
  if (!item) throw notFound("That action item");
  return { item, canEdit: can(actor, "action_item.edit", item) };
}
