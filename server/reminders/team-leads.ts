import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { teamMembers, teams, users, type UserRole } from "@/db/schema";

export type TeamLead = { teamId: string; teamName: string; userId: string; email: string; name: string; role: UserRole };

/** Active leads of every team, or of one team. */
export async function teamLeads(db: DbOrTx, teamId?: string): Promise<TeamLead[]> {
  return db
    .select({ teamId: teams.id, teamName: teams.name, userId: users.id, email: users.email, name: users.name, role: users.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.isLead, true), isNull(users.deactivatedAt), teamId ? eq(teams.id, teamId) : undefined))
    .orderBy(teams.name, users.name);
}
