// Gauges read when Prometheus scrapes, so they are never stale and cost nothing between scrapes:
// open incidents by severity and queued work come from the database (the same figures on every
// instance), live streams and co-editing sockets from this process.
import { and, count, eq, inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { Gauge } from "prom-client";
import type { Database } from "@/db/client";
import { incidents, notificationDeliveries, severities } from "@/db/schema";
import { openStatuses } from "@/lib/incident-lifecycle";
import { queues } from "@/server/jobs/queues";
import { logger } from "@/server/log";
import { metrics } from "./registry";

export type GaugeSources = {
  database: Database;
  boss: PgBoss;
  liveStreams: () => number;
  collabConnections: () => number;
};

/** A scrape answers even when one figure cannot be read: that gauge is left out, and the reason logged. */
async function readOrSkip(name: string, read: () => Promise<void>): Promise<void> {
  await read().catch((error: unknown) => logger.warn({ err: error, gauge: name }, "a metrics gauge could not be read"));
}

export function registerGauges({ database, boss, liveStreams, collabConnections }: GaugeSources): void {
  const { registry } = metrics();
  for (const name of ["daytwo_open_incidents", "daytwo_job_queue_depth", "daytwo_live_streams", "daytwo_collab_connections"]) registry.removeSingleMetric(name);
  new Gauge({
    name: "daytwo_open_incidents",
    help: "Incidents not yet resolved (triage to monitoring), by severity; drills excluded.",
    labelNames: ["severity"],
    registers: [registry],
    async collect() {
      await readOrSkip("daytwo_open_incidents", async () => {
        const rows = await database.db
          .select({ severity: severities.name, open: count(incidents.id) })
          .from(severities)
          .leftJoin(incidents, and(eq(incidents.severityId, severities.id), inArray(incidents.status, [...openStatuses]), eq(incidents.kind, "incident")))
          .groupBy(severities.name);
        this.reset();
        for (const row of rows) this.set({ severity: row.severity }, row.open);
      });
    },
  });
  new Gauge({
    name: "daytwo_job_queue_depth",
    help: "Work waiting: pg-boss jobs per queue, and notification deliveries pending or retrying.",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      await readOrSkip("daytwo_job_queue_depth", async () => {
        this.reset();
        for (const { name } of Object.values(queues)) this.set({ queue: name }, await boss.getQueueSize(name));
        const [pending] = await database.db.select({ waiting: count() }).from(notificationDeliveries).where(eq(notificationDeliveries.status, "pending"));
        this.set({ queue: "notification-deliveries" }, pending?.waiting ?? 0);
      });
    },
  });
  new Gauge({
    name: "daytwo_live_streams",
    help: "Live update streams open in this process (incident pages, incident lists, alert pages).",
    registers: [registry],
    collect() {
      this.set(liveStreams());
    },
  });
  new Gauge({
    name: "daytwo_collab_connections",
    help: "Co-editing (post-mortem) sockets open in this process.",
    registers: [registry],
    collect() {
      this.set(collabConnections());
    },
  });
}
