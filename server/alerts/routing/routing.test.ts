// Routing as ingestion runs it, on the real database: each payload goes through the real parser and
// storeAlerts at a chosen time, and the test reads what a responder would see — incidents, their
// timelines, severities, services, who was paged.
import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ALERTS_USER_ID,
  alertRoutingRules,
  alertSources,
  alerts,
  incidentEvents,
  incidents,
  incidentServices,
  notifications,
  reminderDeliveries,
  services,
  severities,
  teamMembers,
  teams,
} from "@/db/schema";
import type { AlertAutoResolveMode } from "@/db/enums";
import type { ServiceContext } from "@/server/context";
import { changeStatus } from "@/server/incidents/change-status";
import { createRunbook } from "@/server/runbooks/create";
import { suggestionsForIncident } from "@/server/runbooks/suggestions";
import { contextFor, createActor } from "@/test/actors";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { payloadParsers } from "../formats/parsers";
import { createAlertSource } from "../sources/create";
import { storeAlerts } from "../store-alerts";

let database: TestDatabase;
let admin: ServiceContext;
let oncall: { id: string };
let checkoutId: string;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  database = await createTestDatabase();
  admin = contextFor(database.db, await createActor(database.db, "admin"));
  oncall = await createActor(database.db, "responder", "Payments oncall");
  const [team] = await database.db.insert(teams).values({ name: "Payments" }).returning();
  await database.db.insert(teamMembers).values({ teamId: team!.id, userId: oncall.id });
  const [checkout] = await database.db.insert(services).values({ name: "Checkout", tier: 1, ownerTeamId: team!.id }).returning();
  checkoutId = checkout!.id;
});
afterAll(async () => {
  await database?.close();
  vi.unstubAllEnvs();
});

async function newSource(autoResolve: AlertAutoResolveMode = "event") {
  const { source } = await createAlertSource({ ctx: admin, input: { name: `prom ${randomUUID().slice(0, 4)}`, kind: "alertmanager" } });
  return { id: source.id, name: source.name, autoResolve };
}
type Source = Awaited<ReturnType<typeof newSource>>;

type Alert = { name: string; labels?: Record<string, string>; status?: "firing" | "resolved"; fingerprint?: string; startsAt?: string; groupKey?: string };
function payload(list: Alert[], groupKey?: string) {
  return {
    version: "4",
    ...(groupKey ? { groupKey } : {}),
    status: "firing",
    alerts: list.map((a) => ({
      status: a.status ?? "firing",
      labels: { alertname: a.name, ...a.labels },
      annotations: { summary: `${a.name} on ${a.labels?.service ?? "?"}` },
      startsAt: a.startsAt ?? "2026-12-01T10:00:00Z",
      fingerprint: a.fingerprint ?? `${a.name}-${JSON.stringify(a.labels ?? {})}`,
    })),
  };
}

const minutes = (n: number) => n * 60_000;
const T0 = new Date("2026-12-01T10:01:00Z");
const at = (offsetMinutes: number) => new Date(T0.getTime() + minutes(offsetMinutes));

async function send(source: Source, list: Alert[], now = T0, groupKey?: string) {
  const parsed = payloadParsers.alertmanager(payload(list, groupKey));
  if ("problem" in parsed) throw new Error(parsed.problem);
  return storeAlerts(database.db, source, parsed.records, now);
}
async function setMode(source: Source) {
  await database.db.update(alertSources).set({ autoResolve: source.autoResolve }).where(eq(alertSources.id, source.id));
}

const incidentOf = async (alertId: string) => {
  const [row] = await database.db.select({ incidentId: alerts.incidentId }).from(alerts).where(eq(alerts.id, alertId));
  if (!row?.incidentId) return null;
  const [incident] = await database.db.select().from(incidents).where(eq(incidents.id, row.incidentId));
  return incident ?? null;
};
const kindsOf = async (incidentId: string) =>
  (await database.db.select({ kind: incidentEvents.kind }).from(incidentEvents).where(eq(incidentEvents.incidentId, incidentId)).orderBy(asc(incidentEvents.seq))).map((e) => e.kind);
const severityName = async (id: number) => (await database.db.select({ name: severities.name }).from(severities).where(eq(severities.id, id)))[0]?.name;
const pagesFor = (incidentId: string) =>
  database.db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.ruleKey, `alert_page:${incidentId}:${oncall.id}`));

describe("tiers with the default rule", () => {
  it("records an info alert and opens nothing", async () => {
    const source = await newSource();
    const [stored] = await send(source, [{ name: "DiskAlmostFull", labels: { severity: "info", service: "checkout" } }]);
    expect(stored).toMatchObject({ outcome: "created", incidentId: null });
    expect(await incidentOf(stored!.id)).toBeNull();
  });

  it("opens a triage incident for a warning, at the least severity, with nobody commanding or paged", async () => {
    const source = await newSource();
    const [stored] = await send(source, [{ name: "QueueBacklog", labels: { severity: "warning", service: "checkout" } }]);
    const incident = await incidentOf(stored!.id);
    expect(incident).toMatchObject({ status: "triage", declaredById: ALERTS_USER_ID });
    expect(await severityName(incident!.severityId)).toBe("SEV4");
    expect(await kindsOf(incident!.id)).toEqual(["incident.declared", "alert.received"]);
    expect(await pagesFor(incident!.id)).toHaveLength(0);
  });

  it("declares a SEV1 for a critical alert on a tier-1 service, links the service, and pages its owner team once", async () => {
    const source = await newSource();
    const [first] = await send(source, [{ name: "CheckoutDown", labels: { severity: "critical", service: "checkout" } }]);
    const incident = await incidentOf(first!.id);
    expect(await severityName(incident!.severityId)).toBe("SEV1");
    expect(incident!.impactStartedAt?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    const [page] = await pagesFor(incident!.id);
    expect(page).toMatchObject({ emailTo: expect.stringContaining("@test.example"), emailSubject: expect.stringContaining("SEV1") });
    const inbox = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, oncall.id), eq(notifications.kind, "alert_page")));
    expect(inbox.map((n) => n.href)).toContain(`/incidents/${incident!.id}`);
    // A second critical alert of the group joins; nobody is paged twice.
    const [second] = await send(source, [{ name: "CheckoutDown", labels: { severity: "critical", service: "checkout", instance: "b" } }], at(2));
    expect((await incidentOf(second!.id))?.id).toBe(incident!.id);
    expect(await pagesFor(incident!.id)).toHaveLength(1);
    const linked = await database.db.select().from(incidentServices).where(eq(incidentServices.incidentId, incident!.id));
    expect(linked.map((row) => row.serviceId)).toEqual([checkoutId]);
  });

  it("declares a SEV2 for a critical alert on no known service and pages the admins", async () => {
    const source = await newSource();
    const [stored] = await send(source, [{ name: "Unknown", labels: { severity: "critical", service: "nowhere" } }]);
    const incident = await incidentOf(stored!.id);
    expect(await severityName(incident!.severityId)).toBe("SEV2");
    const adminPages = await database.db
      .select()
      .from(reminderDeliveries)
      .where(eq(reminderDeliveries.ruleKey, `alert_page:${incident!.id}:${admin.actor.id}`));
    expect(adminPages).toHaveLength(1);
  });
});

describe("routing rules", () => {
  it("uses the first matching rule: a regex rule silences, another sets tier and severity", async () => {
    const source = await newSource();
    await database.db.insert(alertRoutingRules).values([
      { position: 1, name: "Staging is noise", matchers: [{ label: "env", op: "=~", value: "stag.*|dev" }], tier: "info" },
      {
        position: 2,
        name: "Payments page",
        matchers: [
          { label: "team", op: "=", value: "payments" },
          { label: "env", op: "!=", value: "test" },
        ],
        tier: "critical",
        severityId: 3,
      },
    ]);
    try {
      const [silenced] = await send(source, [{ name: "CheckoutDown", labels: { severity: "critical", service: "checkout", env: "staging" } }]);
      expect(await incidentOf(silenced!.id)).toBeNull();
      const [paged] = await send(source, [{ name: "Refunds", labels: { severity: "warning", team: "payments", env: "prod" } }]);
      const incident = await incidentOf(paged!.id);
      expect(await severityName(incident!.severityId)).toBe("SEV3");
      const [row] = await database.db.select({ tier: alerts.tier, ruleId: alerts.ruleId }).from(alerts).where(eq(alerts.id, paged!.id));
      expect(row?.tier).toBe("critical");
      expect(row?.ruleId).not.toBeNull();
    } finally {
      await database.db.delete(alertRoutingRules).where(sql`true`);
    }
  });
});

describe("correlation", () => {
  it("joins alerts of one group within the window, and opens a new incident once the window has passed", async () => {
    const source = await newSource();
    const labels = { severity: "warning", service: "search" };
    const [a] = await send(source, [{ name: "SlowQueries", labels: { ...labels, instance: "1" } }]);
    const [b] = await send(source, [{ name: "SlowQueries", labels: { ...labels, instance: "2" } }], at(10));
    const first = await incidentOf(a!.id);
    expect((await incidentOf(b!.id))?.id).toBe(first!.id);
    expect(await kindsOf(first!.id)).toEqual(["incident.declared", "alert.received", "alert.received"]);
    // Both resolve; 40 minutes after the last was seen, a new firing is a new incident.
    await send(
      source,
      [
        { name: "SlowQueries", labels: { ...labels, instance: "1" }, status: "resolved" },
        { name: "SlowQueries", labels: { ...labels, instance: "2" }, status: "resolved" },
      ],
      at(11),
    );
    const [c] = await send(source, [{ name: "SlowQueries", labels: { ...labels, instance: "3" } }], at(51));
    expect((await incidentOf(c!.id))?.id).not.toBe(first!.id);
  });

  it("keeps joining while an alert of the group is still firing, past the window", async () => {
    const source = await newSource();
    const labels = { severity: "warning", service: "mail" };
    const [a] = await send(source, [{ name: "Bounces", labels: { ...labels, instance: "1" } }]);
    const [b] = await send(source, [{ name: "Bounces", labels: { ...labels, instance: "2" } }], at(300));
    expect((await incidentOf(b!.id))?.id).toBe((await incidentOf(a!.id))?.id);
  });

  it("groups by Alertmanager's groupKey, and never joins a resolved incident", async () => {
    const source = await newSource();
    const [a] = await send(source, [{ name: "A", labels: { severity: "warning" } }], T0, '{}:{cluster="eu"}');
    const [b] = await send(source, [{ name: "B", labels: { severity: "warning" } }], at(1), '{}:{cluster="eu"}');
    const incident = await incidentOf(a!.id);
    expect((await incidentOf(b!.id))?.id).toBe(incident!.id);
    await changeStatus({ ctx: admin, input: { incidentId: incident!.id, expectedVersion: incident!.version, to: "resolved" } });
    const [c] = await send(source, [{ name: "C", labels: { severity: "warning" } }], at(2), '{}:{cluster="eu"}');
    expect((await incidentOf(c!.id))?.id).not.toBe(incident!.id);
  });

  it("stops joining an incident acknowledged longer ago than the rule allows", async () => {
    const source = await newSource();
    await database.db
      .insert(alertRoutingRules)
      .values({ position: 1, name: "Ack window", matchers: [{ label: "service", op: "=", value: "ledger" }], groupBy: ["service"], joinAcknowledgedWithinHours: 2 });
    try {
      const [a] = await send(source, [{ name: "LedgerLag", labels: { severity: "warning", service: "ledger" } }], new Date());
      const incident = await incidentOf(a!.id);
      await changeStatus({ ctx: admin, input: { incidentId: incident!.id, expectedVersion: incident!.version, to: "investigating" } });
      const [b] = await send(source, [{ name: "LedgerErrors", labels: { severity: "warning", service: "ledger" } }], new Date(Date.now() + minutes(30)));
      expect((await incidentOf(b!.id))?.id).toBe(incident!.id);
      const [c] = await send(source, [{ name: "LedgerDown", labels: { severity: "warning", service: "ledger" } }], new Date(Date.now() + minutes(180)));
      expect((await incidentOf(c!.id))?.id).not.toBe(incident!.id);
    } finally {
      await database.db.delete(alertRoutingRules).where(sql`true`);
    }
  });
});

describe("auto-resolve", () => {
  async function openAndResolveAll(mode: AlertAutoResolveMode, between?: (incidentId: string) => Promise<void>) {
    const source = await newSource(mode);
    await setMode(source);
    const labels = { severity: "warning", service: `svc-${randomUUID().slice(0, 4)}` };
    const [a] = await send(source, [
      { name: "Errors", labels: { ...labels, i: "1" } },
      { name: "Errors", labels: { ...labels, i: "2" } },
    ]);
    const incident = await incidentOf(a!.id);
    await between?.(incident!.id);
    await send(source, [{ name: "Errors", labels: { ...labels, i: "1" }, status: "resolved" }], at(5));
    const halfway = await incidentOf(a!.id);
    await send(source, [{ name: "Errors", labels: { ...labels, i: "2" }, status: "resolved" }], at(6));
    return { halfway: halfway!, after: (await incidentOf(a!.id))! };
  }

  it("only notes it on the timeline by default", async () => {
    const { halfway, after } = await openAndResolveAll("event");
    expect(halfway.status).toBe("triage");
    expect(after.status).toBe("triage");
    expect((await kindsOf(after.id)).slice(-3)).toEqual(["alert.resolved", "alert.resolved", "alert.all_resolved"]);
  });

  it("moves to monitoring, or resolves, once the last alert has resolved and not before", async () => {
    const monitoring = await openAndResolveAll("monitoring");
    expect(monitoring.halfway.status).toBe("triage");
    expect(monitoring.after.status).toBe("monitoring");
    const resolved = await openAndResolveAll("resolve");
    expect(resolved.after.status).toBe("resolved");
    expect(resolved.after.resolvedAt).not.toBeNull();
  });

  it("leaves an incident a person reopened to people", async () => {
    const { after } = await openAndResolveAll("resolve", async (incidentId) => {
      const [row] = await database.db.select().from(incidents).where(eq(incidents.id, incidentId));
      const resolved = await changeStatus({ ctx: admin, input: { incidentId, expectedVersion: row!.version, to: "resolved" } });
      await changeStatus({ ctx: admin, input: { incidentId, expectedVersion: resolved.version, to: "investigating" } });
    });
    expect(after.status).toBe("investigating");
    const [last] = await database.db
      .select({ data: incidentEvents.data })
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, after.id), eq(incidentEvents.kind, "alert.all_resolved")));
    expect(last?.data).toMatchObject({ applied: false, reason: expect.stringContaining("reopened") });
  });
});

describe("concurrency and suggestions", () => {
  it("twenty alerts of one group arriving at once make one incident with all of them", async () => {
    const source = await newSource();
    const stored = await Promise.all(Array.from({ length: 20 }, (_, i) => send(source, [{ name: "Burst", labels: { severity: "critical", service: "checkout", pod: String(i) } }])));
    const ids = new Set(await Promise.all(stored.map(async ([s]) => (await incidentOf(s!.id))?.id)));
    expect(ids.size).toBe(1);
    expect(await kindsOf([...ids][0]!)).toHaveLength(21);
  });

  it("suggests the runbook whose matchers fit the ingested alert's labels", async () => {
    const { id: runbookId } = await createRunbook({
      ctx: admin,
      input: {
        title: "Kafka lag",
        summary: "",
        body: { type: "doc", content: [] },
        ownerTeamId: null,
        serviceIds: [],
        incidentKinds: [],
        severityIds: [],
        alertMatchers: [{ label: "alertname", op: "=~", value: "Kafka.*" }],
        reviewIntervalDays: 90,
        note: "",
      },
    });
    const source = await newSource();
    const [stored] = await send(source, [{ name: "KafkaConsumerLag", labels: { severity: "warning", service: "events" } }]);
    const incident = await incidentOf(stored!.id);
    const suggestions = await suggestionsForIncident({ ctx: admin, input: { incidentId: incident!.id } });
    expect(suggestions.map((s) => s.runbook.id)).toContain(runbookId);
  });
});
