// Queue names and schedules. Cron times are UTC.
export const queues = {
  // Due-soon, overdue and runbook-review rules: often, since each reminder is sent once anyway.
  reminderScan: { name: "reminders-scan", cron: "*/5 * * * *" },
  // Team leads' digest: Monday morning.
  weeklyDigest: { name: "reminders-weekly-digest", cron: "0 8 * * 1" },
  // Queued emails; also sent right after each scan, the schedule retries the ones that failed.
  emailOutbox: { name: "email-outbox", cron: "* * * * *" },
} as const;
