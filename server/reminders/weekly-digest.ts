// Rule: once per ISO week, each team lead gets the team's overdue and soon-due items.
// Items of private incidents appear only for leads who may see the incident (participants, admins).
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { actionItems, incidents, users } from "@/db/schema";
import { activeStatuses } from "@/lib/action-items";
import { visibleTo } from "@/server/incidents/access";
import { appUrl, DAY_MS, isoDate, isoWeek } from "./dates";
import { deliverAll, type Reminder } from "./deliver";
import { teamLeads, type TeamLead } from "./team-leads";

// A digest looks a week ahead, where the owner's own reminder looks two days ahead.
export const DIGEST_AHEAD_DAYS = 7;

export async function sendWeeklyDigests(db: DbOrTx, now: Date): Promise<number> {
  const week = isoWeek(now);
  const reminders: Reminder[] = [];
  for (const lead of await teamLeads(db)) {
    const items = await digestItems(db, lead, now);
    if (items.length === 0) continue;
    const overdue = items.filter((item) => item.dueAt <= now);
    const dueSoon = items.filter((item) => item.dueAt > now);
    const line = (item: (typeof items)[number]) => `- ${item.title} (${item.ownerName}, due ${isoDate(item.dueAt)}) ${appUrl(`/action-items?item=${item.id}`)}`;
    const summary = `${overdue.length} overdue, ${dueSoon.length} due in the next ${DIGEST_AHEAD_DAYS} days`;
    reminders.push({
      // One digest per team, week and lead: a team may have several leads, each with their own view.
      ruleKey: `digest:${lead.teamId}:${week}:${lead.userId}`,
      userId: lead.userId,
      kind: "digest",
      title: `${lead.teamName} weekly digest: ${summary}`,
      body: items
        .slice(0, 5)
        .map((item) => item.title)
        .join(" · "),
      href: `/action-items/dashboard?teamId=${lead.teamId}&status=active`,
      email: {
        to: lead.email,
        subject: `[Daytwo] ${lead.teamName} follow-ups, week ${week}: ${summary}`,
        text: [
          `Hi ${lead.name},`,
          "",
          `Follow-ups of ${lead.teamName} that need attention (${week}):`,
          "",
          `Overdue (${overdue.length}):`,
          ...(overdue.length ? overdue.map(line) : ["- none"]),
          "",
          `Due in the next ${DIGEST_AHEAD_DAYS} days (${dueSoon.length}):`,
          ...(dueSoon.length ? dueSoon.map(line) : ["- none"]),
          "",
        ].join("\n"),
      },
      data: { teamId: lead.teamId, week, itemIds: items.map((item) => item.id) },
    });
  }
  return deliverAll(db, reminders, now);
}

async function digestItems(db: DbOrTx, lead: TeamLead, now: Date) {
  const visibility = visibleTo({ id: lead.userId, role: lead.role, name: lead.name, email: lead.email });
  return db
    .select({ id: actionItems.id, title: actionItems.title, dueAt: actionItems.dueAt, ownerName: users.name })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .where(
      and(
        eq(actionItems.teamId, lead.teamId),
        inArray(actionItems.status, [...activeStatuses]),
        lte(actionItems.dueAt, new Date(now.getTime() + DIGEST_AHEAD_DAYS * DAY_MS)),
        visibility ? or(isNull(actionItems.incidentId), visibility) : undefined,
      ),
    )
    .orderBy(actionItems.dueAt);
}
