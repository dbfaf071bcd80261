import { asc, eq } from "drizzle-orm";
import { services, teams } from "@/db/schema";
import type { ServiceContext } from "@/server/context";

export async function listServices({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db.select({ service: services, teamName: teams.name }).from(services).leftJoin(teams, eq(teams.id, services.ownerTeamId)).orderBy(asc(services.tier), asc(services.name));
  return rows.map(({ service, teamName }) => ({
    id: service.id,
    name: service.name,
    description: service.description,
    tier: service.tier,
    ownerTeam: service.ownerTeamId && teamName ? { id: service.ownerTeamId, name: teamName } : null,
  }));
}
