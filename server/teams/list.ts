import { asc, eq } from "drizzle-orm";
import { teamMembers, teams, users } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import type { TeamOutput } from "./schemas";

export async function listTeams({ ctx }: { ctx: ServiceContext }): Promise<TeamOutput[]> {
  const [teamRows, memberRows] = await Promise.all([
    ctx.db.select().from(teams).orderBy(asc(teams.name)),
    ctx.db
      .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, email: users.email, isLead: teamMembers.isLead })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .orderBy(asc(users.name)),
  ]);
  return teamRows.map((team) => ({
    id: team.id,
    name: team.name,
    description: team.description,
    members: memberRows.filter((m) => m.teamId === team.id).map(({ teamId: _teamId, ...member }) => member),
  }));
}
