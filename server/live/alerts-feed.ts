import { getDatabase } from "@/db/client";
import type { ServiceContext } from "@/server/context";
import { hubFor } from "./hub";

/**
 * "Alerts changed": one signal per burst (at most one a second per process), never the alerts
 * themselves. Any signed-in person may read alerts, so there is nothing to filter per watcher; the
 * stream ends like the others when its session ends or its account is deactivated.
 */
export async function* alertsFeed(ctx: Pick<ServiceContext, "actor">, signal?: AbortSignal): AsyncGenerator<null> {
  yield* hubFor(await getDatabase()).subscribeAlerts(ctx.actor, signal);
}
