import { and, asc, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { incidentAlerts, incidentRunbooks, incidentServices, runbooks, runbookServices, services, severities } from "@/db/schema";
import { suggestRunbooks } from "@/lib/runbooks/suggest";
import type { ServiceContext } from "@/server/context";
import { loadVisibleIncident } from "@/server/incidents/access";
import { summariesById } from "./load";
import type { incidentIdInput } from "./schemas";

const MAX_SUGGESTIONS = 10;

/** Runbooks for this incident's services, kind, severity and alert labels, best first, with why (lib/runbooks/suggest.ts). */
export async function suggestionsForIncident({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof incidentIdInput> }) {
  const now = ctx.now?.() ?? new Date();
  const incident = await loadVisibleIncident(ctx.db, ctx.actor, input.incidentId);
  const [linked, alerts, severity, attached] = await Promise.all([
    ctx.db
      .select({ id: services.id, name: services.name })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(eq(incidentServices.incidentId, incident.id))
      .orderBy(asc(services.name)),
    ctx.db.select({ labels: incidentAlerts.labels }).from(incidentAlerts).where(eq(incidentAlerts.incidentId, incident.id)),
    ctx.db.select({ name: severities.name }).from(severities).where(eq(severities.id, incident.severityId)),
    ctx.db.select({ runbookId: incidentRunbooks.runbookId }).from(incidentRunbooks).where(eq(incidentRunbooks.incidentId, incident.id)),
  ]);
  // Only runbooks that can match at all: linked to one of the services, with alert matchers, or for drills.
  const serviceIds = linked.map((s) => s.id);
  const candidates = await ctx.db
    .select({
      id: runbooks.id,
      title: runbooks.title,
      incidentKinds: runbooks.incidentKinds,
      severityIds: runbooks.severityIds,
      alertMatchers: runbooks.alertMatchers,
      serviceIds: sql<string[]>`coalesce((select array_agg(${runbookServices.serviceId}) from ${runbookServices} where ${runbookServices.runbookId} = ${runbooks.id}), '{}')`,
    })
    .from(runbooks)
    .where(
      and(
        isNull(runbooks.archivedAt),
        or(
          serviceIds.length
            ? exists(
                ctx.db
                  .select({ one: sql`1` })
                  .from(runbookServices)
                  .where(and(eq(runbookServices.runbookId, runbooks.id), inArray(runbookServices.serviceId, serviceIds))),
              )
            : undefined,
          alerts.length ? sql`jsonb_array_length(${runbooks.alertMatchers}) > 0` : undefined,
          incident.kind === "drill" ? sql`'drill' = any(${runbooks.incidentKinds})` : undefined,
          sql`false`,
        ),
      ),
    );
  const ranked = suggestRunbooks(
    { kind: incident.kind, severityId: incident.severityId, severityName: severity[0]?.name ?? `severity ${incident.severityId}`, services: linked, alerts },
    candidates,
  ).slice(0, MAX_SUGGESTIONS);
  const summaries = await summariesById(
    ctx.db,
    ctx.actor,
    ranked.map((s) => s.runbookId),
    now,
  );
  const attachedIds = new Set(attached.map((a) => a.runbookId));
  return ranked.flatMap((s) => {
    const runbook = summaries.get(s.runbookId);
    return runbook ? [{ runbook, reasons: s.reasons, attached: attachedIds.has(s.runbookId) }] : [];
  });
}
