import { and, gt } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { incidents } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { DomainError } from "@/server/errors";
import { loadVisibleIncident, visibleTo } from "@/server/incidents/access";
import { hubFor } from "./hub";
import type { FeedItem } from "./incident-topic";

/**
 * Everything that happens on one incident after `afterSeq`, then live. The process's hub reads each
 * change once for all its watchers (server/live/hub.ts); sequence numbers make a resumed stream
 * continue exactly after the last event it sent: no gap, no duplicate.
 */
export async function* incidentFeed(ctx: Pick<ServiceContext, "actor">, incidentId: string, afterSeq: number, signal?: AbortSignal): AsyncGenerator<FeedItem> {
  const database = await getDatabase();
  try {
    // Refused at once when hidden or missing; while the database is away, the hub's first read decides.
    await loadVisibleIncident(database.feedDb, ctx.actor, incidentId);
  } catch (error) {
    if (error instanceof DomainError) throw error;
  }
  yield* hubFor(database).subscribe(ctx.actor, incidentId, afterSeq, signal);
}

/**
 * Ids of incidents whose state changed and that this actor may see (null: anything may have): lists
 * refresh on each. With `since` (when the page's list was read), a change made before the stream
 * started — while the page was loading, or while a connection was down — is signalled first.
 */
export async function* incidentListFeed(ctx: Pick<ServiceContext, "actor">, signal?: AbortSignal, since?: Date): AsyncGenerator<string | null> {
  const database = await getDatabase();
  const changedSince = since
    ? async () =>
        (
          await database.feedDb
            .select({ id: incidents.id })
            .from(incidents)
            .where(and(gt(incidents.updatedAt, since), visibleTo(ctx.actor)))
            .limit(1)
        ).length > 0
    : undefined;
  yield* hubFor(database).subscribeList(ctx.actor, signal, changedSince);
}
