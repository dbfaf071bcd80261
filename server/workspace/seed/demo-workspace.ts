// The deterministic demo workspace: people of each role, three teams, a service catalog, runbooks.
import { hashPassword } from "@/server/auth/password";
import type { Db } from "@/db/client";
import { seedDemoFollowUps } from "./follow-ups";
import { seedDemoRunbooks } from "./runbooks";
import { isPerson, services, teamMembers, teams, users, workspace, type UserRole } from "@/db/schema";

export const DEMO_PASSWORD = "daytwo-demo";

export const demoUsers: { name: string; email: string; role: UserRole }[] = [
  { name: "Alex Admin", email: "admin@example.com", role: "admin" },
  { name: "Riley Responder", email: "responder@example.com", role: "responder" },
  { name: "Sam Rivera", email: "sam@example.com", role: "responder" },
  { name: "Priya Natarajan", email: "priya@example.com", role: "responder" },
  { name: "Vic Viewer", email: "viewer@example.com", role: "viewer" },
];

const demoTeams = [
  { name: "Platform", description: "Runtime, networking, databases and the paved road.", lead: "priya@example.com", members: ["admin@example.com"] },
  { name: "Payments", description: "Checkout, payment processing and the ledger.", lead: "sam@example.com", members: ["responder@example.com"] },
  { name: "Identity", description: "Sign-in, accounts and permissions.", lead: "responder@example.com", members: ["viewer@example.com"] },
];

const demoServices = [
  { name: "api-gateway", team: "Platform", tier: 1, description: "Edge routing, TLS and rate limits for every public API." },
  { name: "postgres-primary", team: "Platform", tier: 1, description: "The main PostgreSQL cluster." },
  { name: "kafka", team: "Platform", tier: 2, description: "Event bus between services." },
  { name: "search", team: "Platform", tier: 3, description: "Product search index." },
  { name: "checkout-api", team: "Payments", tier: 1, description: "Cart and checkout flow." },
  { name: "payments-gateway", team: "Payments", tier: 1, description: "Card processing through external providers." },
  { name: "ledger", team: "Payments", tier: 2, description: "Double-entry record of every money movement." },
  { name: "auth-service", team: "Identity", tier: 1, description: "Sign-in, sessions and tokens." },
  { name: "user-profile", team: "Identity", tier: 2, description: "Profiles, preferences and contact details." },
  { name: "notifications", team: "Identity", tier: 3, description: "Email and push delivery." },
];

export type SeedResult = { seeded: boolean };

/** Creates the demo workspace on an empty database; does nothing when any user exists. */
export async function seedDemoWorkspace(db: Db, now = new Date()): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: users.id }).from(users).where(isPerson).limit(1);
    if (existing.length > 0) return { seeded: false };

    const insertedUsers = await tx
      .insert(users)
      .values(demoUsers.map((user) => ({ ...user, passwordHash })))
      .returning();
    const userIdByEmail = new Map(insertedUsers.map((user) => [user.email, user.id]));
    const insertedTeams = await tx
      .insert(teams)
      .values(demoTeams.map(({ name, description }) => ({ name, description })))
      .returning();
    const teamIdByName = new Map(insertedTeams.map((team) => [team.name, team.id]));

    const memberships = demoTeams.flatMap((team) => [
      { teamId: teamIdByName.get(team.name)!, userId: userIdByEmail.get(team.lead)!, isLead: true },
      ...team.members.map((email) => ({ teamId: teamIdByName.get(team.name)!, userId: userIdByEmail.get(email)!, isLead: false })),
    ]);
    await tx.insert(teamMembers).values(memberships);
    const insertedServices = await tx
      .insert(services)
      .values(demoServices.map(({ team, ...service }) => ({ ...service, ownerTeamId: teamIdByName.get(team) ?? null })))
      .returning({ id: services.id, name: services.name });
    await seedDemoRunbooks(tx, { users: userIdByEmail, teams: teamIdByName, services: new Map(insertedServices.map((s) => [s.name, s.id])) });
    await seedDemoFollowUps(tx, { userIdByEmail, teamIdByName }, now);
    await tx
      .insert(workspace)
      .values({ id: 1, name: "Daytwo demo", isDemo: true })
      .onConflictDoUpdate({ target: workspace.id, set: { isDemo: true } });
    return { seeded: true };
  });
}
