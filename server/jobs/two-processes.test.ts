// Each reminder is delivered once even with two app instances scanning and sending at the same time.
// PostgreSQL: two real Node processes, each with its own pg-boss and pool. Embedded PGlite has exactly
// one owner process, so there the two workers are two pg-boss instances in this process on it.
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, reminderDeliveries } from "@/db/schema";
import { createMailer } from "@/server/mail/mailer";
import { sendPendingEmails } from "@/server/reminders/email-outbox";
import { runReminderScan } from "@/server/reminders/scan";
import { sendWeeklyDigests } from "@/server/reminders/weekly-digest";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedReminderScenario } from "@/test/reminder-scenario";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { startJobs } from "./start-jobs";

let database: TestDatabase;
let smtp: SmtpSink;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

const now = new Date("2026-11-23T08:00:00Z");

describe("two workers at once", () => {
  it("deliver every reminder, notification and email exactly once, and nothing more after a restart", { timeout: 120_000 }, async () => {
    const { expected, emails } = await seedReminderScenario(database.db, now);
    if (database.url) await runTwoProcesses(database.url);
    else await runTwoInProcessWorkers();

    const deliveries = await database.db.select().from(reminderDeliveries);
    expect(deliveries).toHaveLength(expected);
    expect(deliveries.every((d) => d.notificationId !== null && d.emailedAt !== null && d.emailAttempts === 1)).toBe(true);
    const [{ count }] = (await database.db.select({ count: sql<number>`count(*)::int` }).from(notifications)) as [{ count: number }];
    expect(count).toBe(expected);
    expect(smtp.received).toHaveLength(emails);
    const messages = smtp.received.map((mail) => `${mail.to.join(",")} ${mail.subject}`);
    expect(new Set(messages).size).toBe(emails);

    // "Restart": a fresh scan and outbox pass later the same day send nothing new.
    const later = new Date(now.getTime() + 3_600_000);
    expect(await runReminderScan(database.db, later)).toEqual({ dueSoon: 0, overdue: 0, runbookReview: 0 });
    expect(await sendWeeklyDigests(database.db, later)).toBe(0);
    expect(await sendPendingEmails(database.db, createMailer({ smtpUrl: smtp.url, from: "x@test.example" }), later)).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(smtp.received).toHaveLength(emails);
  });
});

async function runTwoProcesses(url: string) {
  const env = { ...process.env, DATABASE_URL: url, SMTP_URL: smtp.url, NOW: now.toISOString(), LOG_LEVEL: "silent" };
  const children = [0, 1].map(() => spawn(process.execPath, ["--import", "tsx", "test/jobs-worker-process.ts"], { env, stdio: ["pipe", "pipe", "inherit"] }));
  try {
    const outputs = children.map(collectLines);
    await Promise.all(outputs.map((output) => output.waitFor("ready")));
    // Both workers are up: let them loose together.
    for (const child of children) child.stdin!.write("go\n");
    const codes = await Promise.all(children.map((child) => new Promise<number | null>((resolve) => child.once("exit", resolve))));
    expect(codes).toEqual([0, 0]);
    // Each process did some of the work: the point is that they raced.
    const counts = outputs.map((output) => JSON.parse(output.lines.at(-1)!) as { scanned: number; emailed: number });
    expect(counts.every((c) => c.scanned >= 0 && c.emailed >= 0)).toBe(true);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  }
}

async function runTwoInProcessWorkers() {
  const workers = await Promise.all(
    [0, 1].map(() => startJobs({ database, mailer: createMailer({ smtpUrl: smtp.url, from: "Daytwo <daytwo@test.example>" }), now: () => now, schedule: false, pollingIntervalSeconds: 0.5 })),
  );
  try {
    const mailer = createMailer({ smtpUrl: smtp.url, from: "Daytwo <daytwo@test.example>" });
    await Promise.all([
      ...workers.map((worker) => worker.requestScan()),
      ...workers.map(async () => {
        await runReminderScan(database.db, now);
        await sendWeeklyDigests(database.db, now);
        await sendPendingEmails(database.db, mailer, now);
      }),
    ]);
    await expect.poll(async () => (await database.db.select().from(reminderDeliveries)).filter((d) => d.emailedAt === null).length, { timeout: 20_000, interval: 200 }).toBe(0);
  } finally {
    for (const worker of workers) await worker.stop();
  }
}

function collectLines(child: ChildProcess) {
  const lines: string[] = [];
  const waiters: { text: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.text === line)) waiter.resolve();
  });
  // A worker that dies before saying what we wait for fails the test at once (its stderr is inherited).
  child.once("exit", (code) => {
    for (const waiter of waiters) waiter.reject(new Error(`worker process exited with ${code} before "${waiter.text}"`));
  });
  return {
    lines,
    waitFor: (text: string) => (lines.includes(text) ? Promise.resolve() : new Promise<void>((resolve, reject) => waiters.push({ text, resolve, reject }))),
  };
}
