import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, alertRoutingRules, alertSources, incidentRoleTypes, incidents, notificationChannels, postMortems, postMortemTemplates, runbooks, services, teams, users } from "@/db/schema";
import { reference } from "@/server/incidents/access";

/**
 * Names for the ids an audit page mentions: people, teams and services by name, incidents by
 * reference (INC-12), a post-mortem by its incident's. One query per kind of record, only for the
 * ids on the page; the audit log is admin-only, so nothing here is filtered by visibility.
 */
export async function namesForIds(db: DbOrTx, ids: Set<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  const list = [...ids];
  const named = [
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, list)),
    db.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, list)),
    db.select({ id: runbooks.id, name: runbooks.title }).from(runbooks).where(inArray(runbooks.id, list)),
    db.select({ id: actionItems.id, name: actionItems.title }).from(actionItems).where(inArray(actionItems.id, list)),
    db.select({ id: alertSources.id, name: alertSources.name }).from(alertSources).where(inArray(alertSources.id, list)),
    db.select({ id: alertRoutingRules.id, name: alertRoutingRules.name }).from(alertRoutingRules).where(inArray(alertRoutingRules.id, list)),
    db.select({ id: notificationChannels.id, name: notificationChannels.name }).from(notificationChannels).where(inArray(notificationChannels.id, list)),
    db.select({ id: postMortemTemplates.id, name: postMortemTemplates.name }).from(postMortemTemplates).where(inArray(postMortemTemplates.id, list)),
    db.select({ id: incidentRoleTypes.id, name: incidentRoleTypes.name }).from(incidentRoleTypes).where(inArray(incidentRoleTypes.id, list)),
  ];
  // Sequential: a transaction's connection answers one query at a time anyway.
  for (const query of named) for (const row of await query) names.set(row.id, row.name);
  for (const row of await db.select({ id: incidents.id, number: incidents.number }).from(incidents).where(inArray(incidents.id, list))) names.set(row.id, reference(row));
  const mortems = await db
    .select({ id: postMortems.id, number: incidents.number })
    .from(postMortems)
    .innerJoin(incidents, eq(incidents.id, postMortems.incidentId))
    .where(inArray(postMortems.id, list));
  for (const row of mortems) names.set(row.id, `Post-mortem of ${reference(row)}`);
  return names;
}
