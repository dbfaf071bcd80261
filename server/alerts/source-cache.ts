// A storm posts to one source hundreds of times a second, and its row changes only when an admin edits
// it: each process keeps what it read instead of asking the database on every POST. An admin's change
// (update, token rotation, delete) is announced on SOURCES_CHANNEL in its transaction, so every
// instance forgets the source when the change commits; a rotated token or a disabled source stops
// working at once. SOURCE_TTL_MS bounds what a lost LISTEN connection could leave stale.
import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, type Tx, getDatabase } from "@/db/client";
import { type AlertSource, alertSources } from "@/db/schema";

export const SOURCES_CHANNEL = "daytwo_alert_sources";
const SOURCE_TTL_MS = 5_000;
const MAX_CACHED = 1_000;

const cache = {
  entries: new Map<string, { source: AlertSource; until: number }>(),
  listeningOn: undefined as Database | undefined,
};

function forget(id?: string): void {
  if (id) cache.entries.delete(id);
  else cache.entries.clear();
}

async function listenForChanges(database: Database): Promise<void> {
  if (cache.listeningOn === database) return;
  // A new database (tests swap them) starts with nothing remembered.
  cache.listeningOn = database;
  forget();
  // Changes made while the LISTEN connection was down were never heard: forget everything on its return.
  database.listener.onState((state) => state === "up" && forget());
  await database.listener.listen(SOURCES_CHANNEL, (id) => forget(id));
}

/** The enabled, not deleted source with this id, or undefined (unknown, disabled or deleted). */
export async function loadEnabledSource(id: string): Promise<AlertSource | undefined> {
  const database = await getDatabase();
  await listenForChanges(database);
  const hit = cache.entries.get(id);
  if (hit && hit.until > Date.now()) return hit.source;
  const [source] = await database.db
    .select()
    .from(alertSources)
    .where(and(eq(alertSources.id, id), eq(alertSources.isEnabled, true), isNull(alertSources.deletedAt)))
    .limit(1);
  // Unknown ids are not kept: a scan of random ids must not fill the map.
  if (source) {
    if (cache.entries.size >= MAX_CACHED) forget();
    cache.entries.set(id, { source, until: Date.now() + SOURCE_TTL_MS });
  }
  return source;
}

/**
 * Inside an admin's change to a source: every instance forgets it when the change commits. This
 * process forgets it now as well, so its next request after the change returns never waits on the
 * notification's arrival (a read between now and the commit sees the old row, and the NOTIFY drops it).
 */
export async function announceSourceChange(tx: Tx, id: string): Promise<void> {
  forget(id);
  await tx.execute(sql`select pg_notify(${SOURCES_CHANNEL}, ${id})`);
}
