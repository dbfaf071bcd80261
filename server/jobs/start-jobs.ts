// The job worker inside the app process: pg-boss on the app's database (PostgreSQL through its own
// small pool on DATABASE_URL, or the very PGlite instance the app uses). Several app instances may run
// it at once: cron firings are de-duplicated by pg-boss, reminders by their ledger, emails by claims.
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import type { Mailer } from "@/server/mail/mailer";
import { logger } from "@/server/log";
import { sendWeeklyDigests } from "@/server/reminders/weekly-digest";
import { sendPendingEmails } from "@/server/reminders/email-outbox";
import { runReminderScan } from "@/server/reminders/scan";
import { retryOnConflict } from "@/db/retry";
import { startChannelWorker } from "@/server/channels/worker";
import { pgliteBossDb } from "./pglite-boss-db";
import { onOutboxRequest } from "./outbox-kick";
import { queues } from "./queues";

export type JobsOptions = {
  database: Database;
  /** PostgreSQL connection string for pg-boss's own pool; required on the postgres engine. */
  url?: string;
  mailer: Mailer | null;
  /** The clock the rules read; tests pass a fixed one. */
  now?: () => Date;
  /** Run the reminder scan once at start, so a fresh start (and the demo) shows due reminders at once. */
  scanOnStart?: boolean;
  /** Fire the cron schedules from this process (off in tests that drive jobs by hand). */
  schedule?: boolean;
  pollingIntervalSeconds?: number;
};

export type Jobs = {
  boss: PgBoss;
  /** Queue a scan now (e.g. at start-up); the worker of any instance picks it up. */
  requestScan(): Promise<string | null>;
  stop(): Promise<void>;
};

export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const { database, mailer } = options;
  const now = options.now ?? (() => new Date());
  const log = logger.child({ module: "jobs" });
  const connection = database.driver.kind === "pglite" ? { db: pgliteBossDb(database.driver.client) } : { connectionString: requireUrl(options.url), max: 3 };
  const boss = new PgBoss({ ...connection, application_name: "daytwo-jobs", schedule: options.schedule ?? true });
  // pg-boss reports failed polls and maintenance here; unhandled, EventEmitter would crash the process.
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();

  for (const queue of Object.values(queues)) await ensureQueue(boss, queue.name);
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: 1 };

  await boss.work(queues.reminderScan.name, work, async () => {
    const result = await runReminderScan(database.db, now());
    log.info({ result }, "reminder scan done");
    await boss.send(queues.emailOutbox.name, {});
    return result;
  });
  await boss.work(queues.weeklyDigest.name, work, async () => {
    const sent = await sendWeeklyDigests(database.db, now());
    log.info({ sent }, "weekly digests done");
    await boss.send(queues.emailOutbox.name, {});
    return { sent };
  });
  await boss.work(queues.emailOutbox.name, work, async () => {
    const result = await sendPendingEmails(database.db, mailer, now());
    if (result.failed) log.warn({ result }, "some reminder emails failed; they will be retried");
    return result;
  });

  if (options.schedule ?? true) {
    for (const queue of Object.values(queues)) await boss.schedule(queue.name, queue.cron, {}, { tz: "UTC" });
  }
  onOutboxRequest(() => boss.send(queues.emailOutbox.name, {}));
  const channels = await startChannelWorker({ database, mailer, now: options.now });
  const requestScan = () => boss.send(queues.reminderScan.name, {});
  if (options.scanOnStart) await requestScan();

  return {
    boss,
    requestScan,
    async stop() {
      // Graceful: lets a running scan or send finish (bounded) before the caller closes the database.
      onOutboxRequest(null);
      await channels.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
      mailer?.close();
    },
  };
}

// pg-boss 10's create_queue attaches a partition to its job table; two instances starting at once can
// deadlock there (seen in the two-process test). The loser is rolled back, so trying again is safe.
async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  await retryOnConflict(async () => {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 });
  }, 5);
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error("startJobs: the PostgreSQL URL is required on the postgres engine");
  return url;
}
