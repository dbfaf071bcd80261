import { desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { runbookRevisions, runbooks, runbookServices, services, severities, teams, users, type AlertMatcher, type RichDocument } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-actions";
import type { IncidentKind } from "@/lib/incident-lifecycle";
import { assignStepIds, docToText } from "@/lib/runbooks/steps";
import { recordAudit } from "@/server/audit/record";
import type { ServiceContext } from "@/server/context";
import { conflict, invalid } from "@/server/errors";
import { loadRunbook } from "./load";

export type RunbookFields = {
  title: string;
  summary: string;
  body: RichDocument;
  ownerTeamId: string | null;
  serviceIds: string[];
  incidentKinds: IncidentKind[];
  severityIds: number[];
  alertMatchers: AlertMatcher[];
  reviewIntervalDays: number;
};

const MAX_BODY_BYTES = 500_000;

/** Checks references and normalizes the body: every step gets a stable id; the plain text is derived. */
async function prepare(tx: Tx, fields: RunbookFields) {
  const body = assignStepIds(fields.body);
  if (JSON.stringify(body).length > MAX_BODY_BYTES) throw invalid("The runbook is too long to save (500 KB at most). Split it into several runbooks.", "body");
  const serviceIds = [...new Set(fields.serviceIds)];
  const severityIds = [...new Set(fields.severityIds)];
  if (fields.ownerTeamId && (await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, fields.ownerTeamId))).length === 0) throw invalid("That owner team does not exist.", "ownerTeamId");
  if (serviceIds.length && (await tx.select({ id: services.id }).from(services).where(inArray(services.id, serviceIds))).length !== serviceIds.length)
    throw invalid("One of the linked services does not exist.", "serviceIds");
  if (severityIds.length && (await tx.select({ id: severities.id }).from(severities).where(inArray(severities.id, severityIds))).length !== severityIds.length)
    throw invalid("One of the severities does not exist.", "severityIds");
  const alertMatchers = fields.alertMatchers.filter((m, i, all) => all.findIndex((o) => o.label === m.label) === i);
  if (alertMatchers.length !== fields.alertMatchers.length) throw invalid("Each alert label can be matched only once.", "alertMatchers");
  return { ...fields, body, bodyText: docToText(body), serviceIds, severityIds, incidentKinds: [...new Set(fields.incidentKinds)], alertMatchers };
}

/** Creates a runbook and its first revision. */
export async function insertRunbook(tx: Tx, ctx: ServiceContext, fields: RunbookFields, note: string): Promise<{ id: string; revision: number }> {
  const now = ctx.now?.() ?? new Date();
  const { serviceIds, ...row } = await prepare(tx, fields);
  const [created] = await tx
    .insert(runbooks)
    .values({ ...row, revision: 1, createdById: ctx.actor.id, createdAt: now, updatedAt: now })
    .returning({ id: runbooks.id });
  if (!created) throw new Error("insert returned no row");
  if (serviceIds.length) await tx.insert(runbookServices).values(serviceIds.map((serviceId) => ({ runbookId: created.id, serviceId })));
  await tx
    .insert(runbookRevisions)
    .values({ runbookId: created.id, number: 1, title: row.title, summary: row.summary, body: row.body, bodyText: row.bodyText, note, authorId: ctx.actor.id, createdAt: now });
  await recordAudit(tx, { actorId: ctx.actor.id, action: "runbook.created", entityType: "runbook", entityId: created.id, after: { title: row.title, revision: 1 }, requestId: ctx.requestId });
  return { id: created.id, revision: 1 };
}

/**
 * Saves a new revision over `baseRevision` (the one the editor loaded). If someone saved in between,
 * nothing is written and the conflict says who saved what, so the writer can reload and merge.
 */
export async function saveRevision(
  tx: Tx,
  ctx: ServiceContext,
  target: { id: string; baseRevision: number },
  change: { fields: RunbookFields; note: string; restoredFrom?: number | null; audit: AuditAction },
): Promise<{ revision: number }> {
  const now = ctx.now?.() ?? new Date();
  const current = await loadRunbook(tx, target.id, { lock: true });
  if (current.revision !== target.baseRevision) throw await staleRevision(tx, current.id, target.baseRevision);
  const { serviceIds, ...row } = await prepare(tx, change.fields);
  const revision = current.revision + 1;
  await tx
    .update(runbooks)
    .set({ ...row, revision, updatedAt: now })
    .where(eq(runbooks.id, current.id));
  await tx.delete(runbookServices).where(eq(runbookServices.runbookId, current.id));
  if (serviceIds.length) await tx.insert(runbookServices).values(serviceIds.map((serviceId) => ({ runbookId: current.id, serviceId })));
  await tx.insert(runbookRevisions).values({
    runbookId: current.id,
    number: revision,
    title: row.title,
    summary: row.summary,
    body: row.body,
    bodyText: row.bodyText,
    note: change.note,
    restoredFrom: change.restoredFrom ?? null,
    authorId: ctx.actor.id,
    createdAt: now,
  });
  await recordAudit(tx, {
    actorId: ctx.actor.id,
    action: change.audit,
    entityType: "runbook",
    entityId: current.id,
    before: { title: current.title, revision: current.revision },
    after: { title: row.title, revision, ...(change.restoredFrom ? { restoredFrom: change.restoredFrom } : {}) },
    requestId: ctx.requestId,
  });
  return { revision };
}

async function staleRevision(tx: Tx, runbookId: string, base: number) {
  const newer = await tx
    .select({ number: runbookRevisions.number, note: runbookRevisions.note, author: users.name, createdAt: runbookRevisions.createdAt })
    .from(runbookRevisions)
    .innerJoin(users, eq(users.id, runbookRevisions.authorId))
    .where(eq(runbookRevisions.runbookId, runbookId))
    .orderBy(desc(runbookRevisions.number))
    .limit(3);
  const saves = newer
    .filter((r) => r.number > base)
    .reverse()
    .map((r) => `${r.author} saved revision ${r.number} at ${r.createdAt.toISOString().slice(11, 16)} UTC${r.note ? ` ("${r.note}")` : ""}`);
  return conflict(`${saves.join("; ") || "Someone saved a newer revision"} while you were editing revision ${base}. Copy your changes, reload to see theirs, and save again.`);
}
