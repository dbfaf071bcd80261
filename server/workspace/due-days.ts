import { eq } from "drizzle-orm";
import { z } from "zod";
import { severities, workspace } from "@/db/schema";
import { defaultDueDays } from "@/lib/action-items";
import { coercedInt4 } from "@/lib/validation/numbers";
import { recordAudit } from "@/server/audit/record";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";

const days = coercedInt4({ min: 1, max: 365, wholeMessage: "Use whole days", minMessage: "At least 1 day", maxMessage: "At most 365 days" });
export const dueDaysInput = z.object({ days: z.record(z.enum(["1", "2", "3", "4"]), days) });
export const dueDaysOutput = z.array(z.object({ rank: z.number(), severity: z.string(), days: z.number() }));

/** Default action item due dates per severity, as admins set them. */
export async function getDueDays({ ctx }: { ctx: ServiceContext }): Promise<z.infer<typeof dueDaysOutput>> {
  const [row] = await ctx.db.select({ setting: workspace.dueDaysBySeverity }).from(workspace).where(eq(workspace.id, 1));
  const levels = await ctx.db.select({ rank: severities.rank, name: severities.name }).from(severities).orderBy(severities.rank);
  return levels.map(({ rank, name }) => ({ rank, severity: name, days: row?.setting[String(rank)] ?? defaultDueDays[String(rank)] ?? 30 }));
}

export async function setDueDays({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof dueDaysInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can change default due dates.");
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ setting: workspace.dueDaysBySeverity }).from(workspace).where(eq(workspace.id, 1)).for("update");
    const next = { ...(row?.setting ?? defaultDueDays), ...input.days };
    await tx.update(workspace).set({ dueDaysBySeverity: next }).where(eq(workspace.id, 1));
    await recordAudit(tx, { actorId: ctx.actor.id, action: "workspace.due_days_changed", entityType: "workspace", entityId: "1", before: row?.setting ?? null, after: next, requestId: ctx.requestId });
  });
}
