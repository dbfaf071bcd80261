// One app instance's job worker, as a separate Node process, for server/jobs/two-processes.test.ts.
// Run: node --import tsx test/jobs-worker-process.ts with DATABASE_URL, SMTP_URL and NOW (the clock).
// Prints "ready" once pg-boss runs, waits for "go" on stdin, then scans and sends as hard as it can
// while the other process does the same, and prints its own counts as JSON before exiting.
import readline from "node:readline";
import { openDatabase } from "@/db/client";
import { startJobs } from "@/server/jobs/start-jobs";
import { queues } from "@/server/jobs/queues";
import { createMailer } from "@/server/mail/mailer";
import { sendPendingEmails } from "@/server/reminders/email-outbox";
import { runReminderScan } from "@/server/reminders/scan";
import { sendWeeklyDigests } from "@/server/reminders/weekly-digest";

const url = process.env.DATABASE_URL!;
const now = new Date(process.env.NOW!);
const database = await openDatabase({ engine: "postgres", url, max: 4 });
const mailer = createMailer({ smtpUrl: process.env.SMTP_URL, from: "Daytwo <daytwo@test.example>" });
const jobs = await startJobs({ database, url, mailer, now: () => now, schedule: false, pollingIntervalSeconds: 0.5 });
console.log("ready");
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));

// Through the queue (either process's worker may take it) and directly, all at once.
await jobs.boss.send(queues.weeklyDigest.name, {});
const counts = { scanned: 0, digests: 0, emailed: 0 };
await Promise.all([
  jobs.requestScan(),
  ...Array.from({ length: 3 }, async () => {
    const scan = await runReminderScan(database.db, now);
    counts.scanned += scan.dueSoon + scan.overdue + scan.runbookReview;
    counts.digests += await sendWeeklyDigests(database.db, now);
    counts.emailed += (await sendPendingEmails(database.db, mailer, now)).sent;
  }),
]);
// Let the queued jobs (the other process's too) drain before the last outbox pass.
for (let round = 0; round < 100; round++) {
  const sizes = await Promise.all(Object.values(queues).map((queue) => jobs.boss.getQueueSize(queue.name, { before: "completed" })));
  if (sizes.every((size) => size === 0)) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
counts.emailed += (await sendPendingEmails(database.db, mailer, now)).sent;
await jobs.stop();
await database.close();
console.log(JSON.stringify(counts));
process.exit(0);
