import { eq } from "drizzle-orm";
import { incidents, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { reference } from "@/server/incidents/access";
import { loadVisiblePostMortem } from "./access";

export async function getPostMortem({ ctx, input }: { ctx: ServiceContext; input: { postMortemId: string } }) {
  const { postMortem, canEdit } = await loadVisiblePostMortem(ctx.db, ctx.actor, input.postMortemId);
  const [[incident], [owner]] = await Promise.all([
    ctx.db.select().from(incidents).where(eq(incidents.id, postMortem.incidentId)),
    ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, postMortem.ownerId)),
  ]);
  if (!incident || !owner) throw new Error("post-mortem references missing rows");
  return {
    id: postMortem.id,
    status: postMortem.status,
    revision: postMortem.revision,
    incident: { id: incident.id, reference: reference(incident), title: incident.title, isPrivate: incident.isPrivate },
    owner,
    sections: postMortem.sections,
    canEdit,
    updatedAt: postMortem.updatedAt,
  };
}
