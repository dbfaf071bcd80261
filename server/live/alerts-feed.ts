import { gt } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { alerts } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { hubFor } from "./hub";

/**
 * "Alerts changed": one signal per burst (at most one a second per process), never the alerts
 * themselves. Any signed-in person may read alerts, so there is nothing to filter per watcher; the
 * stream ends like the others when its session ends or its account is deactivated.
 */
export async function* alertsFeed(ctx: Pick<ServiceContext, "actor">, signal?: AbortSignal, since?: Date): AsyncGenerator<null> {
  const database = await getDatabase();
  // With `since` (when the page's list was read), alerts that arrived while the page loaded are signalled first.
  const changedSince = since ? async () => (await database.feedDb.select({ id: alerts.id }).from(alerts).where(gt(alerts.lastSeenAt, since)).limit(1)).length > 0 : undefined;
  yield* hubFor(database).subscribeAlerts(ctx.actor, signal, changedSince);
}
