import { desc, isNull } from "drizzle-orm";
import { notificationChannels } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { lastDeliveries, loadChannel, presentChannel } from "./present";

export async function listChannels({ ctx }: { ctx: ServiceContext }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see notification channels.");
  const rows = await ctx.db.select().from(notificationChannels).where(isNull(notificationChannels.deletedAt)).orderBy(desc(notificationChannels.createdAt)).limit(500);
  const latest = await lastDeliveries(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentChannel(row, latest.get(row.id) ?? null));
}

export async function getChannel({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can see notification channels.");
  const channel = await loadChannel(ctx.db, input.id);
  return presentChannel(channel, (await lastDeliveries(ctx.db, [channel.id])).get(channel.id) ?? null);
}
