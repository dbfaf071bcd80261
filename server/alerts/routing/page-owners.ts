// A critical alert pages the responders and admins of the owner teams of the affected services: in-app
// and by email (sent at once, not at the next minute's schedule), once per
// person per incident (the reminder ledger's rule key), so replays and later alerts never re-page.
// With no owner team known, the admins are paged: someone must hear of it.
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isPerson, services, teamMembers, users } from "@/db/schema";
import { deliverReminder } from "@/server/reminders/deliver";
import { appUrl } from "@/server/reminders/dates";

type Page = { incidentId: string; reference: string; title: string; severity: string; serviceIds: string[]; alertTitle: string; source: string };

async function recipients(tx: Tx, serviceIds: string[]) {
  const active = and(isNull(users.deactivatedAt), isPerson);
  const owners = serviceIds.length
    ? await tx
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(services)
        .innerJoin(teamMembers, eq(teamMembers.teamId, services.ownerTeamId))
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(and(inArray(services.id, serviceIds), active, ne(users.role, "viewer")))
    : [];
  if (owners.length) return owners;
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), active));
}

/** The number of people paged by this call (0 when all of them were paged for this incident before). */
export async function pageOwners(tx: Tx, page: Page, now: Date): Promise<number> {
  const href = `/incidents/${page.incidentId}`;
  const headline = `${page.severity} ${page.reference}: ${page.title}`;
  const body = `A critical alert from ${page.source} opened or joined this incident: ${page.alertTitle}. Nobody commands it yet — open it and take command.`;
  let paged = 0;
  for (const person of await recipients(tx, page.serviceIds)) {
    const sent = await deliverReminder(
      tx,
      {
        ruleKey: `alert_page:${page.incidentId}:${person.id}`,
        userId: person.id,
        kind: "alert_page",
        title: headline,
        body,
        href,
        email: { to: person.email, subject: `[Daytwo] ${headline}`, text: `Hi ${person.name},\n\n${body}\n\nOpen it: ${appUrl(href)}\n` },
        data: { incidentId: page.incidentId },
      },
      now,
    );
    if (sent) paged++;
  }
  return paged;
}
