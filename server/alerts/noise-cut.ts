// The noise cut: per source and ISO week, how many notifications monitoring sent against how many
// incidents they opened. Weeks start on Monday (date_trunc('week') is ISO), in UTC.
import { sql } from "drizzle-orm";
import { alerts, alertSources, incidents, ALERTS_USER_ID } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { visibleTo } from "@/server/incidents/access";

const WEEKS = 8;

type Row = { source_id: string; source_name: string; week_start: string; week: string; notifications: number; alerts: number; incidents: number };

/**
 * One grouped query: alerts by the week they were created, incidents by the week they were declared
 * (an incident declared on Monday for an alert first seen on Sunday counts in its own week). Incidents
 * are counted only when the viewer may see them, so a private incident does not show up even as a number.
 */
export async function noiseCut({ ctx, now = new Date() }: { ctx: ServiceContext; now?: Date }) {
  const visible = visibleTo(ctx.actor) ?? sql`true`;
  const since = sql`date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'UTC') - interval '${sql.raw(String(WEEKS - 1))} weeks'`;
  const result = await ctx.db.execute(sql`
    with received as (
      select ${alerts.sourceId} as source_id, date_trunc('week', ${alerts.createdAt} at time zone 'UTC') as week,
        sum(${alerts.occurrences})::int as notifications, count(*)::int as alerts
      from ${alerts}
      where ${alerts.createdAt} at time zone 'UTC' >= ${since}
      group by 1, 2
    ), opened as (
      select ${alerts.sourceId} as source_id, date_trunc('week', ${incidents.declaredAt} at time zone 'UTC') as week,
        count(distinct ${alerts.incidentId})::int as incidents
      from ${alerts} join ${incidents} on ${incidents.id} = ${alerts.incidentId}
      where ${incidents.declaredById} = ${ALERTS_USER_ID} and ${incidents.declaredAt} at time zone 'UTC' >= ${since} and ${visible}
      group by 1, 2
    )
    select s.id as source_id, s.name as source_name, to_char(w.week, 'YYYY-MM-DD') as week_start, to_char(w.week, 'IYYY-"W"IW') as week,
      coalesce(r.notifications, 0) as notifications, coalesce(r.alerts, 0) as alerts, coalesce(o.incidents, 0) as incidents
    from (select source_id, week from received union select source_id, week from opened) w
      join ${alertSources} s on s.id = w.source_id
      left join received r on r.source_id = w.source_id and r.week = w.week
      left join opened o on o.source_id = w.source_id and o.week = w.week
    order by w.week desc, s.name, s.id
  `);
  const rows = (result as unknown as { rows: Row[] }).rows;
  return rows.map((row) => ({
    source: { id: row.source_id, name: row.source_name },
    weekStart: row.week_start,
    week: row.week,
    notifications: Number(row.notifications),
    alerts: Number(row.alerts),
    incidents: Number(row.incidents),
    ratio: Number(row.incidents) > 0 ? Math.round((Number(row.notifications) / Number(row.incidents)) * 10) / 10 : null,
  }));
}
