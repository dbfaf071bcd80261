// A critical alert's page reaches the owner team's mailbox at once: through the real ingestion route,
// the job worker (with its schedules off, so only the ingestion's request can send it) and a real
// SMTP server on loopback.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { services, teamMembers, teams } from "@/db/schema";
import { type Jobs, startJobs } from "@/server/jobs/start-jobs";
import { createMailer } from "@/server/mail/mailer";
import { contextFor, createActor } from "@/test/actors";
import { type AlertsReceiver, startAlertsReceiver } from "@/test/alerts-receiver";
import { TEST_AUTH_SECRET } from "@/test/collab-clients";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { type SmtpSink, startSmtpSink } from "@/test/smtp-sink";
import { createAlertSource } from "../sources/create";

let database: TestDatabase;
let receiver: AlertsReceiver;
let smtp: SmtpSink;
let jobs: Jobs | undefined;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
  vi.stubEnv("AUTH_URL", "https://daytwo.example");
  database = await createTestDatabase();
  smtp = await startSmtpSink();
  receiver = await startAlertsReceiver();
  jobs = await startJobs({ database, url: database.url, mailer: createMailer({ smtpUrl: smtp.url, from: "Daytwo <daytwo@test.example>" }), schedule: false, pollingIntervalSeconds: 0.5 });
}, 120_000);
afterAll(async () => {
  await jobs?.stop();
  await receiver?.close();
  await smtp?.close();
  await database?.close();
  vi.unstubAllEnvs();
});

it("emails the owner team's responders within seconds of a critical alert, not its viewers, and only once", { timeout: 60_000 }, async () => {
  const admin = contextFor(database.db, await createActor(database.db, "admin"));
  const responder = await createActor(database.db, "responder", "Dana Oncall");
  const viewer = await createActor(database.db, "viewer", "Vera Watcher");
  const [team] = await database.db.insert(teams).values({ name: "Storage" }).returning();
  await database.db.insert(teamMembers).values([
    { teamId: team!.id, userId: responder.id },
    { teamId: team!.id, userId: viewer.id },
  ]);
  await database.db.insert(services).values({ name: "blob-store", tier: 2, ownerTeamId: team!.id });
  const { source, token } = await createAlertSource({ ctx: admin, input: { name: "Uptime", kind: "generic" } });
  const alert = { title: "Blob store unreachable", status: "firing", deduplication_key: "blob-down", metadata: { severity: "critical", service: "blob-store" } };
  const post = () =>
    fetch(`${receiver.base}/api/alerts/${source.id}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(alert) });

  expect((await post()).status).toBe(202);
  const deadline = Date.now() + 20_000;
  while (!smtp.received.some((mail) => mail.to.includes(responder.email)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const [mail] = smtp.received.filter((m) => m.to.includes(responder.email));
  expect(mail?.subject).toMatch(/^\[Daytwo\] SEV2 INC-\d+: Blob store unreachable$/);
  expect(mail?.body).toContain("https://daytwo.example/incidents/");
  // A replay pages nobody again; the viewer is never paged.
  expect((await post()).status).toBe(202);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(smtp.received.filter((m) => m.to.includes(responder.email))).toHaveLength(1);
  expect(smtp.received.filter((m) => m.to.includes(viewer.email))).toHaveLength(0);
});
