// "Alerts changed", told to every process's open Alerts pages — after the writes, not inside them. A
// NOTIFY makes its commit take PostgreSQL's single notify-queue lock and hold it through the commit's
// WAL flush, so all notifying commits in the database run one at a time: with a NOTIFY in every
// repeat's statement, a storm of one-alert POSTs topped out near 530/s on the 2-core bench machine.
// Pages refetch at most once a second anyway (server/live/hub.ts), so one NOTIFY per ANNOUNCE_MS per
// process says the same: the first of a burst goes at once, the rest fold into one trailing NOTIFY.
import { PgTransaction } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { logger } from "@/server/log";
import { coalesce } from "@/server/live/coalesce";
import { ALERTS_CHANNEL } from "@/server/live/alerts-channel";

const ANNOUNCE_MS = 100;
const notify = sql`select pg_notify(${ALERTS_CHANNEL}, '')`;
const announcers = new WeakMap<Db, () => void>();

function announcerFor(db: Db): () => void {
  let announce = announcers.get(db);
  if (!announce) {
    announce = coalesce(() => {
      // A lost announcement costs open pages one refresh until the next alert; it never fails a delivery.
      db.execute(notify).catch((error: unknown) => logger.warn({ err: error }, "could not announce new alerts"));
    }, ANNOUNCE_MS);
    announcers.set(db, announce);
  }
  return announce;
}

/** After alerts were stored. Inside a caller's transaction the NOTIFY joins it and goes out at its commit. */
export async function announceAlertsChanged(db: DbOrTx): Promise<void> {
  if (db instanceof PgTransaction) await db.execute(notify);
  else announcerFor(db as Db)();
}
