import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Dashboard } from "@/server/action-items/schemas";
import { CompletionChart } from "./completion-chart";

type Breakdown = Dashboard["byOwner"];

/** The numbers a lead looks at first, then where the slipping work sits. */
export function DashboardFigures({ data, hrefFor }: { data: Dashboard; hrefFor: (changes: Record<string, string | null>) => string }) {
  const share = data.postMortems.share;
  return (
    <div className="grid gap-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label="Overdue" value={data.totals.overdue} href={hrefFor({ due: "overdue" })} tone={data.totals.overdue > 0 ? "text-destructive" : undefined} />
        <Figure label={`Due in ${data.dueSoonDays} days`} value={data.totals.dueSoon} href={hrefFor({ due: "due_soon" })} />
        <Figure label="Open" value={data.totals.open} href={hrefFor({ status: "active", due: null })} />
        <Figure label="Closed in this window" value={data.totals.closedInWindow} />
      </dl>
      <div className="grid gap-4 lg:grid-cols-3">
        <BreakdownCard title="By owner" rows={data.byOwner} hrefFor={(key) => hrefFor({ ownerId: key })} />
        <BreakdownCard title="By team" rows={data.byTeam} hrefFor={(key) => (key === "none" ? null : hrefFor({ teamId: key }))} />
        <BreakdownCard title="By kind" rows={data.byKind} hrefFor={(key) => hrefFor({ kind: key })} />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="self-start lg:col-span-2">
          <CardHeader>
            <CardTitle as="h2">Completion over time</CardTitle>
          </CardHeader>
          <CardContent>
            <CompletionChart weeks={data.completion} />
          </CardContent>
        </Card>
        <div className="grid gap-4">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Age of open items</CardTitle>
            </CardHeader>
            <CardContent>
              <AgeingBars buckets={data.ageing} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Post-mortems closed on time</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-1 text-sm">
              <p className="text-3xl font-semibold tabular-nums" data-testid="postmortem-share">
                {share === null ? "—" : `${Math.round(share * 100)}%`}
              </p>
              <p className="text-muted-foreground">
                Of post-mortems published in this window, those whose action items all closed by their due dates: {data.postMortems.closedOnTime} on time, {data.postMortems.missed} missed,{" "}
                {data.postMortems.pending} still in progress.
              </p>
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}

function Figure({ label, value, href, tone }: { label: string; value: number; href?: string; tone?: string }) {
  // The link sits inside the <dd>: a <dl> group may hold only <dt> and <dd> (axe: definition-list).
  return (
    <div className="rounded-lg border border-border bg-card p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className={`text-3xl font-semibold tabular-nums ${tone ?? ""}`}>
        {href ? (
          <a href={href} className="hover:underline" aria-label={`${label}: ${value}. Show them`}>
            {value}
          </a>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

function BreakdownCard({ title, rows, hrefFor }: { title: string; rows: Breakdown; hrefFor: (key: string) => string | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing open.</p>
        ) : (
          <table className="w-full text-sm" aria-label={`Open action items ${title.toLowerCase()}`}>
            <thead className="text-left text-muted-foreground">
              <tr>
                <th className="font-medium">Name</th>
                <th className="text-right font-medium">Overdue</th>
                <th className="text-right font-medium">Soon</th>
                <th className="text-right font-medium">Open</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const href = hrefFor(row.key);
                return (
                  <tr key={row.key} className="border-t border-border">
                    <th scope="row" className="py-1 text-left font-normal capitalize">
                      {href ? (
                        <a className="underline-offset-2 hover:underline" href={href}>
                          {row.label}
                        </a>
                      ) : (
                        row.label
                      )}
                    </th>
                    <td className={`text-right tabular-nums ${row.overdue > 0 ? "font-semibold text-destructive" : ""}`}>{row.overdue}</td>
                    <td className="text-right tabular-nums">{row.dueSoon}</td>
                    <td className="text-right tabular-nums">{row.open}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}

function AgeingBars({ buckets }: { buckets: Dashboard["ageing"] }) {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  return (
    <ul className="grid gap-2 text-sm" aria-label="Open items by age">
      {buckets.map((bucket) => (
        <li key={bucket.label} className="grid grid-cols-[7rem_1fr_2rem] items-center gap-2">
          <span className="text-muted-foreground">{bucket.label}</span>
          <span className="h-2 rounded-full bg-muted" aria-hidden>
            <span className="block h-2 rounded-full bg-primary" style={{ width: `${(bucket.count / max) * 100}%` }} />
          </span>
          <span className="text-right tabular-nums">{bucket.count}</span>
        </li>
      ))}
    </ul>
  );
}
