import { eq } from "drizzle-orm";
import type { z } from "zod";
import { incidentRoleTypes } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { conflict, forbidden } from "@/server/errors";
import type { createRoleTypeInput } from "./schemas";

const keyFor = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 50) || "role";

/** Admin-defined incident roles (e.g. "Customer liaison"), offered on every incident beside the built-in ones. */
export async function createRoleType({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createRoleTypeInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can define incident roles.");
  const key = keyFor(input.name);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: incidentRoleTypes.id }).from(incidentRoleTypes).where(eq(incidentRoleTypes.key, key));
    if (existing) throw conflict(`An incident role named "${input.name}" already exists.`);
    const [created] = await tx.insert(incidentRoleTypes).values({ key, name: input.name, guide: input.guide, isBuiltin: false, sortOrder: 100 }).returning();
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, { actorId: ctx.actor.id, action: "incident_role.created", entityType: "incident_role", entityId: created.id, after: { key, ...input }, requestId: ctx.requestId });
    return { id: created.id, key: created.key, name: created.name, guide: created.guide, isBuiltin: created.isBuiltin };
  });
}
