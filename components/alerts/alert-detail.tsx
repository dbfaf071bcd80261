"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, ExternalLink } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/incidents/relative-time";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/lib/hooks/use-now";
import { formatExact } from "@/lib/time-format";
import { AlertStatusBadge, TierBadge } from "./alert-badges";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

function ExactTime({ date }: { date: Date }) {
  // Shown in the viewer's time zone; the server's rendering may differ, the browser's wins.
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {formatExact(date)}
    </time>
  );
}

function Pairs({ label, values }: { label: string; values: Record<string, string> }) {
  const entries = Object.entries(values);
  return (
    <section aria-label={label} className="grid gap-2">
      <h2 className="text-sm font-medium">{label}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <dl className="grid gap-1 text-sm sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)] sm:gap-x-4">
          {entries.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-xs break-all text-muted-foreground sm:text-sm">{name}</dt>
              <dd className="mb-1 font-mono text-sm break-words whitespace-pre-wrap sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** One alert: what monitoring said, what Daytwo did with it, and the payload exactly as received. */
export function AlertDetail({ alertId }: { alertId: string }) {
  const trpc = useTRPC();
  const now = useNow();
  const { data: alert } = useQuery(trpc.alerts.get.queryOptions({ id: alertId }));
  if (!alert) return null;
  return (
    <article className="grid min-w-0 grid-cols-1 gap-6">
      <div className="grid gap-3">
        <Link
          href="/alerts"
          className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
        >
          <ArrowLeft aria-hidden className="size-4" />
          All alerts
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <TierBadge tier={alert.tier} />
          <AlertStatusBadge status={alert.status} />
        </div>
        <h1 className="text-2xl font-semibold break-words">{alert.title}</h1>
        {alert.description ? <p className="text-sm break-words whitespace-pre-wrap">{alert.description}</p> : null}
      </div>

      <dl className="grid gap-4 rounded-lg border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Source">{alert.source.name}</Field>
        <Field label="Started">
          <ExactTime date={alert.startedAt} />
        </Field>
        <Field label="Ended">{alert.endedAt ? <ExactTime date={alert.endedAt} /> : <span className="text-muted-foreground">Still firing</span>}</Field>
        <Field label="Occurrences">
          <span className="tabular-nums">{alert.occurrences}</span>
        </Field>
        <Field label="Last seen">
          <RelativeTime date={alert.lastSeenAt} now={now} />
        </Field>
        <Field label="Incident">
          {alert.incident ? (
            <Link href={`/incidents/${alert.incident.id}`} className="rounded-sm underline underline-offset-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden">
              <span className="font-mono">{alert.incident.reference}</span> {alert.incident.title}
            </Link>
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </Field>
        <Field label="Routed by">{alert.ruleName ?? <span className="text-muted-foreground">Not routed</span>}</Field>
        <Field label="Source link">
          {alert.sourceUrl ? (
            <a
              href={alert.sourceUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex max-w-full items-center gap-1 rounded-sm break-all underline underline-offset-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
            >
              {alert.sourceUrl}
              <ExternalLink aria-hidden className="size-3.5 shrink-0" />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </Field>
        <Field label="Fingerprint">
          <code className="text-xs break-all">{alert.fingerprint}</code>
        </Field>
      </dl>

      <Pairs label="Labels" values={alert.labels} />
      <Pairs label="Annotations" values={alert.annotations} />

      <section aria-labelledby="raw-payload-heading" className="grid min-w-0 grid-cols-1 gap-2">
        <h2 id="raw-payload-heading" className="text-sm font-medium">
          Raw payload
        </h2>
        {/* React escapes this text: a payload carrying markup shows as markup, never runs. */}
        <pre
          tabIndex={0}
          aria-labelledby="raw-payload-heading"
          className="max-h-[32rem] overflow-auto rounded-lg border border-border bg-muted p-4 font-mono text-xs focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
        >
          {JSON.stringify(alert.raw, null, 2)}
        </pre>
      </section>
    </article>
  );
}
