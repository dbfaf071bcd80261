// Demo action items around the seed time: some overdue, some due soon, so the first start's reminder
// scan gives demo people something in the bell (Priya and Riley) and the leads something to watch.
import type { Tx } from "@/db/client";
import { actionItems } from "@/db/schema";

const DAY_MS = 86_400_000;

const demoFollowUps = [
  { title: "Alert on connection-pool saturation", owner: "priya@example.com", team: "Platform", dueInDays: -3, kind: "detect", priority: "high" },
  { title: "Write the Postgres failover runbook", owner: "priya@example.com", team: "Platform", dueInDays: 1, kind: "process", priority: "medium" },
  { title: "Make card captures idempotent on retry", owner: "responder@example.com", team: "Payments", dueInDays: -2, kind: "prevent", priority: "high" },
  { title: "Load-test checkout at three times peak", owner: "sam@example.com", team: "Payments", dueInDays: 10, kind: "prevent", priority: "medium" },
  { title: "Rotate the shared SMTP credentials", owner: "admin@example.com", team: "Platform", dueInDays: 20, kind: "mitigate", priority: "low" },
] as const;

export async function seedDemoFollowUps(tx: Tx, ids: { userIdByEmail: Map<string, string>; teamIdByName: Map<string, string> }, now: Date): Promise<void> {
  await tx.insert(actionItems).values(
    demoFollowUps.map((item) => ({
      title: item.title,
      ownerId: ids.userIdByEmail.get(item.owner)!,
      teamId: ids.teamIdByName.get(item.team)!,
      dueAt: new Date(now.getTime() + item.dueInDays * DAY_MS),
      kind: item.kind,
      priority: item.priority,
      createdById: ids.userIdByEmail.get("admin@example.com")!,
      createdAt: new Date(now.getTime() - 14 * DAY_MS),
      updatedAt: new Date(now.getTime() - 14 * DAY_MS),
    })),
  );
}
