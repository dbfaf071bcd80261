// The outbound allow-list: hosts Daytwo may reach even though they resolve to private or local
// addresses (an on-premises chat server, a receiver on the same machine).
import { eq } from "drizzle-orm";
import { workspace } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";

export async function getAllowHosts({ ctx }: { ctx: ServiceContext }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see the outbound allow-list.");
  const [row] = await ctx.db.select({ hosts: workspace.outboundAllowHosts }).from(workspace).where(eq(workspace.id, 1));
  return { hosts: row?.hosts ?? [] };
}

export async function setAllowHosts({ ctx, input }: { ctx: ServiceContext; input: { hosts: string[] } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change the outbound allow-list.");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ hosts: workspace.outboundAllowHosts }).from(workspace).where(eq(workspace.id, 1)).for("update");
    await tx.update(workspace).set({ outboundAllowHosts: input.hosts }).where(eq(workspace.id, 1));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "workspace.outbound_allow_hosts_changed",
      entityType: "workspace",
      entityId: "1",
      before: row?.hosts ?? [],
      after: input.hosts,
      requestId: ctx.requestId,
    });
    return { hosts: input.hosts };
  });
}
