import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { createActionItem } from "@/server/action-items/create";
import { setActionItemStatus } from "@/server/action-items/set-status";
import type { Actor, ServiceContext } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { declareIncident } from "@/server/incidents/declare";
import { publishPostMortem } from "@/server/post-mortems/publish";
import { decideReview, requestReview } from "@/server/post-mortems/review";
import { startPostMortem } from "@/server/post-mortems/start";
import type { Db } from "@/db/client";
import { services, users, type ActionItem } from "@/db/schema";

const DAY = 86_400_000;
const MINUTE = 60_000;

type DemoItem = {
  title: string;
  owner: string;
  kind: ActionItem["kind"];
  priority?: ActionItem["priority"];
  // Days after the incident the item is due (else the severity default).
  dueInDays?: number;
  outcome?: { status: "done" | "wont_do" | "in_progress"; afterDays: number; reason?: string };
};
type DemoIncident = { title: string; severityId: number; service: string; daysAgo: number; postMortem: boolean; items: DemoItem[] };

// Twelve weeks of believable history, so the dashboard, timelines and post-mortem list show real
// figures on the first start. Everything goes through the real service verbs, with their clocks set
// to the past, so timelines, audit rows and milestones are exactly what the app would have written.
const history: DemoIncident[] = [
  {
    title: "Search results stale after reindex stalled",
    severityId: 3,
    service: "search",
    daysAgo: 100,
    postMortem: false,
    items: [{ title: "Alert when the reindex job stops making progress", owner: "priya@example.com", kind: "detect", dueInDays: 30 }],
  },
  {
    title: "Checkout API returning 502s",
    severityId: 1,
    service: "checkout-api",
    daysAgo: 75,
    postMortem: true,
    items: [
      { title: "Add a canary stage to checkout deploys", owner: "sam@example.com", kind: "prevent", priority: "high", outcome: { status: "done", afterDays: 10 } },
      { title: "Alert on the 5xx rate per region", owner: "priya@example.com", kind: "detect", outcome: { status: "done", afterDays: 12 } },
    ],
  },
  {
    title: "Card payments declined for EU customers",
    severityId: 2,
    service: "payments-gateway",
    daysAgo: 50,
    postMortem: true,
    items: [
      { title: "Refresh provider tokens with jittered retries", owner: "responder@example.com", kind: "prevent", outcome: { status: "done", afterDays: 35 } },
      { title: "Write down how to rotate the provider credentials", owner: "sam@example.com", kind: "process" },
    ],
  },
  {
    title: "Login latency spike after cache eviction",
    severityId: 3,
    service: "auth-service",
    daysAgo: 20,
    postMortem: true,
    items: [
      { title: "Warm the session cache on deploy", owner: "priya@example.com", kind: "prevent", outcome: { status: "in_progress", afterDays: 5 } },
      { title: "Dashboard for the session cache hit ratio", owner: "responder@example.com", kind: "detect", dueInDays: 23 },
    ],
  },
  {
    title: "Email notifications delayed",
    severityId: 4,
    service: "notifications",
    daysAgo: 8,
    postMortem: false,
    items: [
      {
        title: "Move notifications to a dedicated queue",
        owner: "sam@example.com",
        kind: "mitigate",
        outcome: { status: "wont_do", afterDays: 2, reason: "The provider fixed the throttling at their end." },
      },
    ],
  },
];

/** Past incidents with post-mortems and action items, plus one incident still open. Demo only. */
export async function seedDemoHistory(db: Db, now = new Date()): Promise<void> {
  const people = await db
    .select()
    .from(users)
    .where(inArray(users.email, ["admin@example.com", "responder@example.com", "sam@example.com", "priya@example.com"]));
  const actor = (email: string): Actor => {
    const user = people.find((person) => person.email === email);
    if (!user) throw new Error(`demo user ${email} is missing`);
    return { id: user.id, role: user.role, name: user.name, email: user.email };
  };
  const at = (actorEmail: string, when: Date): ServiceContext => ({ db, actor: actor(actorEmail), requestId: `seed-${randomUUID()}`, now: () => when });
  const serviceId = async (name: string) => (await db.select({ id: services.id }).from(services).where(eq(services.name, name)))[0]?.id;

  for (const demo of history) {
    const declaredAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const commander = demo.severityId <= 2 ? "sam@example.com" : "priya@example.com";
    const service = await serviceId(demo.service);
    const incident = await declareIncident({
      ctx: at(commander, declaredAt),
      input: { title: demo.title, severityId: demo.severityId, kind: "incident", summary: "", serviceIds: service ? [service] : [], isPrivate: false },
    });
    // A new incident is at version 1; each status change bumps it.
    let version = 1;
    for (const [to, minutes] of [
      ["investigating", 4],
      ["monitoring", 38],
      ["resolved", 95],
    ] as const) {
      version = (await changeStatus({ ctx: at(commander, new Date(declaredAt.getTime() + minutes * MINUTE)), input: { incidentId: incident.id, expectedVersion: version, to } })).version;
    }
    const writtenAt = new Date(declaredAt.getTime() + 2 * DAY);
    let postMortemId: string | undefined;
    if (demo.postMortem) {
      postMortemId = (await startPostMortem({ ctx: at(commander, writtenAt), input: { incidentId: incident.id } })).id;
      const reviewer = commander === "sam@example.com" ? "priya@example.com" : "sam@example.com";
      await requestReview({ ctx: at(commander, writtenAt), input: { postMortemId, reviewerIds: [actor(reviewer).id], dueAt: new Date(writtenAt.getTime() + 3 * DAY) } });
      await decideReview({ ctx: at(reviewer, new Date(writtenAt.getTime() + DAY)), input: { postMortemId, decision: "approved" } });
      await publishPostMortem({ ctx: at(commander, new Date(writtenAt.getTime() + DAY + MINUTE)), input: { postMortemId } });
    }
    for (const item of demo.items) {
      const created = await createActionItem({
        ctx: at(commander, writtenAt),
        input: {
          title: item.title,
          description: "",
          ownerId: actor(item.owner).id,
          incidentId: postMortemId ? undefined : incident.id,
          postMortemId,
          dueAt: item.dueInDays === undefined ? undefined : new Date(declaredAt.getTime() + item.dueInDays * DAY),
          priority: item.priority ?? "medium",
          kind: item.kind,
        },
      });
      if (item.outcome) {
        const when = new Date(writtenAt.getTime() + item.outcome.afterDays * DAY);
        await setActionItemStatus({ ctx: at(item.owner, when), input: { actionItemId: created.id, status: item.outcome.status, reason: item.outcome.reason } });
      }
    }
  }

  // One incident still being worked on, so the list and live views have something open.
  const gateway = await serviceId("user-profile");
  const open = await declareIncident({
    ctx: at("responder@example.com", new Date(now.getTime() - 40 * MINUTE)),
    input: {
      title: "Elevated error rate on profile updates",
      severityId: 2,
      kind: "incident",
      summary: "5% of profile saves fail with a timeout.",
      serviceIds: gateway ? [gateway] : [],
      isPrivate: false,
    },
  });
  await changeStatus({ ctx: at("responder@example.com", new Date(now.getTime() - 35 * MINUTE)), input: { incidentId: open.id, expectedVersion: 1, to: "investigating" } });
}
