import { and, desc, eq, gte, inArray, like, lt, lte, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { auditLog, users } from "@/db/schema";
import { legacyAuditActionsStartingWith } from "@/lib/audit-actions";
import { collectUuids, describeAuditChange } from "@/lib/audit-change";
import { encodeCursor } from "@/lib/validation/cursor";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { namesForIds } from "./names";
import type { listAuditInput } from "./schemas";

export async function listAudit({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof listAuditInput> }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can read the audit log.");
  const filters: SQL[] = [];
  if (input.actorId) filters.push(eq(auditLog.actorId, input.actorId));
  if (input.entityType) filters.push(eq(auditLog.entityType, input.entityType));
  // "user." finds every user action; a full name finds one, under today's code or the one it replaced.
  if (input.action) {
    const legacy = legacyAuditActionsStartingWith(input.action);
    const prefix = like(auditLog.action, `${input.action.replace(/[%_\\]/g, "\\$&")}%`);
    filters.push(or(prefix, legacy.length ? inArray(auditLog.action, legacy) : undefined) ?? prefix);
  }
  if (input.from) filters.push(gte(auditLog.createdAt, input.from));
  if (input.to) filters.push(lte(auditLog.createdAt, input.to));
  if (input.cursor) filters.push(lt(auditLog.id, input.cursor.id));

  const rows = await ctx.db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);

  const page = rows.slice(0, input.limit);
  // People read names and references, not the ids the rows store.
  const ids = new Set<string>();
  for (const { entry } of page) {
    collectUuids(entry.entityId, ids);
    collectUuids(entry.before, ids);
    collectUuids(entry.after, ids);
  }
  const names = await namesForIds(ctx.db, ids);
  const nameOf = (id: string) => names.get(id);
  return {
    entries: page.map(({ entry, actorName }) => ({
      subject: names.get(entry.entityId) ?? null,
      changes: describeAuditChange(entry.before, entry.after, nameOf),
      id: entry.id,
      actor: entry.actorId ? { id: entry.actorId, name: actorName ?? "Unknown" } : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      requestId: entry.requestId,
      createdAt: entry.createdAt,
    })),
    nextCursor: rows.length > input.limit && page.length ? encodeCursor({ id: page.at(-1)!.entry.id }) : null,
  };
}
