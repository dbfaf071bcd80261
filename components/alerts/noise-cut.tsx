"use client";

import { useQuery } from "@tanstack/react-query";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

const number = new Intl.NumberFormat("en");

/** "How much did alerting spare us": notifications against incidents opened, per source and week. */
export function NoiseCut() {
  const trpc = useTRPC();
  const noise = useQuery(trpc.alerts.noiseCut.queryOptions());
  const rows = noise.data ?? [];
  return (
    <section aria-labelledby="noise-cut-heading" className="grid min-w-0 grid-cols-1 gap-3">
      <div className="grid gap-1">
        <h2 id="noise-cut-heading" className="text-lg font-semibold">
          Noise cut
        </h2>
        <p className="text-sm text-muted-foreground">Per source and week (Monday to Sunday, UTC), the last 8 weeks: notifications received against incidents they opened.</p>
      </div>
      {noise.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load the noise cut: {errorMessage(noise.error)}
        </p>
      ) : noise.isPending ? (
        <p role="status" className="text-sm text-muted-foreground">
          Loading the noise cut…
        </p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No alerts in the last 8 weeks.</p>
      ) : (
        <div className="min-w-0 rounded-lg border border-border bg-card">
          <Table aria-labelledby="noise-cut-heading">
            <TableHeader>
              <TableRow>
                <TableHead>Week</TableHead>
                <TableHead>Source</TableHead>
                <TableHead className="text-right">Notifications</TableHead>
                <TableHead className="text-right">Alerts</TableHead>
                <TableHead className="text-right">Incidents opened</TableHead>
                <TableHead className="text-right">Notifications per incident</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={`${row.weekStart}-${row.source.id}`}>
                  <TableCell className="whitespace-nowrap">
                    <time dateTime={row.weekStart} title={`Week of ${row.weekStart}`}>
                      {row.week}
                    </time>
                  </TableCell>
                  <TableCell className="break-words">{row.source.name}</TableCell>
                  <TableCell className="text-right tabular-nums">{number.format(row.notifications)}</TableCell>
                  <TableCell className="text-right tabular-nums">{number.format(row.alerts)}</TableCell>
                  <TableCell className="text-right tabular-nums">{number.format(row.incidents)}</TableCell>
                  <TableCell className="text-right tabular-nums">{row.ratio === null ? <span className="text-muted-foreground">No incident</span> : `${number.format(row.ratio)} : 1`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
