import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notifications, reminderDeliveries } from "@/db/schema";
import { createMailer } from "@/server/mail/mailer";
import { createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { at, closeAllItems, createItem, hours } from "@/test/reminder-fixtures";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";
import { retryDelayMs, sendPendingEmails, SMTP_UNSET_ERROR } from "./email-outbox";
import { sendOverdueReminders } from "./overdue";

let database: TestDatabase;
let smtp: SmtpSink;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpSink();
});
afterEach(() => closeAllItems(database.db));
afterAll(async () => {
  await smtp.close();
  await database.close();
});

const now = new Date("2026-11-23T09:00:00Z");
const mailer = () => createMailer({ smtpUrl: smtp.url, from: "Daytwo <daytwo@test.example>" });
const deliveryOf = async (itemId: string) =>
  (
    await database.db
      .select()
      .from(reminderDeliveries)
      .where(eq(reminderDeliveries.ruleKey, `overdue:${itemId}:2026-11-22`))
  )[0];

describe("the email outbox", () => {
  it("sends each queued reminder once over SMTP, with the item in the message", async () => {
    const owner = await createActor(database.db, "responder", "Sue Smtp");
    const itemId = await createItem(database.db, { owner, dueAt: at(now, -hours(20)), title: "Renew the TLS certificate" });
    await sendOverdueReminders(database.db, now);
    const before = smtp.received.length;

    expect(await sendPendingEmails(database.db, mailer(), now)).toEqual({ sent: 1, failed: 0, skipped: 0 });
    expect(await sendPendingEmails(database.db, mailer(), at(now, hours(1)))).toEqual({ sent: 0, failed: 0, skipped: 0 });

    const received = smtp.received.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: "daytwo@test.example", to: [owner.email], subject: "[Daytwo] Overdue since 2026-11-22: Renew the TLS certificate" });
    expect(received[0]?.body).toContain(`Your action item "Renew the TLS certificate" was due on 2026-11-22.`);
    expect(received[0]?.body).toContain(`/action-items?item=${itemId}`);
    expect(await deliveryOf(itemId)).toMatchObject({ emailedAt: now, emailError: null, emailAttempts: 1, emailNextAttemptAt: null });
  });

  it("records a refused send and retries it later with backoff", async () => {
    const owner = await createActor(database.db, "responder", "Ray Retry");
    const itemId = await createItem(database.db, { owner, dueAt: at(now, -hours(20)), title: "Retry me" });
    await sendOverdueReminders(database.db, now);
    smtp.refuse = true;
    try {
      expect(await sendPendingEmails(database.db, mailer(), now)).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      smtp.refuse = false;
    }
    const failed = await deliveryOf(itemId);
    expect(failed?.emailError).toMatch(/busy/i);
    expect(failed).toMatchObject({ emailedAt: null, emailAttempts: 1, emailNextAttemptAt: at(now, retryDelayMs(1)) });
    // Not before its time, then once.
    expect(await sendPendingEmails(database.db, mailer(), at(now, 30_000))).toMatchObject({ sent: 0 });
    expect(await sendPendingEmails(database.db, mailer(), at(now, retryDelayMs(1)))).toMatchObject({ sent: 1 });
    expect(await deliveryOf(itemId)).toMatchObject({ emailError: null, emailAttempts: 2 });
    expect(smtp.received.filter((mail) => mail.to.includes(owner.email))).toHaveLength(1);
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 6 * 3_600_000]);
  });

  it("without SMTP_URL keeps reminders in-app and records the email as not sent", async () => {
    const owner = await createActor(database.db, "responder", "Ina App");
    const itemId = await createItem(database.db, { owner, dueAt: at(now, -hours(20)), title: "In-app only" });
    await sendOverdueReminders(database.db, now);
    expect(await sendPendingEmails(database.db, null, now)).toMatchObject({ skipped: 1 });
    expect(await deliveryOf(itemId)).toMatchObject({ emailedAt: null, emailError: SMTP_UNSET_ERROR, emailNextAttemptAt: null });
    expect(await database.db.select().from(notifications).where(eq(notifications.userId, owner.id))).toHaveLength(1);
    expect(await sendPendingEmails(database.db, mailer(), at(now, hours(1)))).toMatchObject({ sent: 0, skipped: 0 });
  });
});
