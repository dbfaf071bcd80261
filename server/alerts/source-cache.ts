// A storm posts to one source hundreds of times a second, and its row changes only when an admin edits
// it: each process keeps what it read instead of asking the database on every POST. An admin's change
// (update, token rotation, delete) is announced on SOURCES_CHANNEL in its transaction, so every
// instance forgets the source when the change commits; a rotated token or a disabled source stops
// working at once (server/live/remembered.ts).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type AlertSource, alertSources } from "@/db/schema";
import { remembered } from "@/server/live/remembered";

export const SOURCES_CHANNEL = "daytwo_alert_sources";
// Unknown ids are not kept: a scan of random ids must not fill the map.
const sources = remembered<AlertSource | undefined>("alert-sources", { channel: SOURCES_CHANNEL, forgets: "key", rememberMs: 5_000, maxEntries: 1_000, keep: Boolean });

/** The enabled, not deleted source with this id, or undefined (unknown, disabled or deleted). */
export function loadEnabledSource(id: string): Promise<AlertSource | undefined> {
  return sources.get(id, async (database) => {
    const [source] = await database.db
      .select()
      .from(alertSources)
      .where(and(eq(alertSources.id, id), eq(alertSources.isEnabled, true), isNull(alertSources.deletedAt)))
      .limit(1);
    return source;
  });
}

/**
 * Inside an admin's change to a source: every instance forgets it when the change commits. This
 * process forgets it now as well, so its next request after the change returns never waits on the
 * notification's arrival (a read between now and the commit sees the old row, and the NOTIFY drops it).
 */
export async function announceSourceChange(tx: Tx, id: string): Promise<void> {
  sources.forget(id);
  await tx.execute(sql`select pg_notify(${SOURCES_CHANNEL}, ${id})`);
}
