// Demo runbooks: every seeded service has at least one, a few match alerts, two are stale, one is
// due for review soon and one has an open action item against it — so every freshness state shows.
import { importMarkdown } from "@/lib/runbooks/markdown";
import { assignStepIds, docToText, type RunbookDoc } from "@/lib/runbooks/steps";
import type { Tx } from "@/db/client";
import { actionItems, runbookRevisions, runbooks, runbookServices, type AlertMatcher } from "@/db/schema";

type DemoRunbook = {
  slug: string;
  team: string;
  author: string;
  services: string[];
  alerts?: AlertMatcher[];
  kinds?: "drill"[];
  severities?: number[];
  interval?: number;
  // Days before seeding: created, and last reviewed (null: never).
  createdDaysAgo: number;
  reviewedDaysAgo: number | null;
  markdown: string;
};

const demoRunbooks: DemoRunbook[] = [
  {
    slug: "edge-5xx",
    team: "Platform",
    author: "priya@example.com",
    services: ["api-gateway"],
    createdDaysAgo: 120,
    reviewedDaysAgo: 20,
    alerts: [
      { label: "alertname", value: "HighErrorRate" },
      { label: "service", value: "api-gateway" },
    ],
    markdown: `# API gateway: 5xx at the edge

Public APIs return errors at the gateway before reaching any service.

## Triage
- [ ] Open the *Edge overview* dashboard and find which routes fail
- [ ] Check whether one upstream or all of them return errors
- [ ] Look for a gateway config deploy in the last hour

## Mitigate
- [ ] Roll back the gateway config with \`gatewayctl rollback --to previous\`
- [ ] If one upstream fails, shed its traffic to the healthy region
- [ ] Post a status update once error rates are below 1%
`,
  },
  {
    slug: "pg-failover",
    team: "Platform",
    author: "priya@example.com",
    services: ["postgres-primary"],
    severities: [1, 2],
    createdDaysAgo: 300,
    reviewedDaysAgo: 45,
    alerts: [{ label: "alertname", value: "PostgresPrimaryDown" }],
    markdown: `# Postgres primary failover

The primary is down or unwritable and a replica must be promoted.

- [ ] Confirm the primary is really down (not just the monitoring path)
- [ ] Freeze schema migrations and batch jobs
- [ ] Check replication lag on both replicas; pick the one with the least lag
- [ ] Promote it with \`pg_ctl promote\`
- [ ] Point the connection pooler at the new primary
- [ ] Verify writes from checkout-api and ledger succeed
- [ ] Rebuild the old primary as a replica
- [ ] Note the data-loss window (if any) in the incident

\`\`\`sh
psql -c "select client_addr, replay_lag from pg_stat_replication"
\`\`\`
`,
  },
  {
    slug: "kafka-lag",
    team: "Platform",
    author: "admin@example.com",
    services: ["kafka"],
    createdDaysAgo: 400,
    reviewedDaysAgo: 150,
    alerts: [{ label: "alertname", value: "KafkaConsumerLag" }],
    markdown: `# Kafka consumer lag

Consumers fall behind and events arrive late downstream.

- [ ] Find the lagging consumer group on the Kafka dashboard
- [ ] Check whether the consumers are crash-looping
- [ ] Scale the consumer deployment up (max 2× partitions)
- [ ] If one partition is hot, find the producer key causing it
- [ ] Tell the owning team when lag is back under 1 minute
`,
  },
  {
    slug: "search-reindex",
    team: "Platform",
    author: "admin@example.com",
    services: ["search"],
    createdDaysAgo: 220,
    reviewedDaysAgo: null,
    markdown: `# Search index rebuild

Search results are missing or stale.

- [ ] Check the indexer's last successful run
- [ ] Pause the indexer
- [ ] Rebuild into a new index with \`reindex --all --target next\`
- [ ] Swap the alias once the new index has the expected document count
`,
  },
  {
    slug: "checkout-errors",
    team: "Payments",
    author: "sam@example.com",
    services: ["checkout-api"],
    createdDaysAgo: 90,
    reviewedDaysAgo: 30,
    alerts: [
      { label: "alertname", value: "HighErrorRate" },
      { label: "service", value: "checkout" },
    ],
    markdown: `# Checkout: high error rate

Checkout returns 5xx to customers; every minute costs orders.

## Triage
- [ ] Check the **Checkout** dashboard: which endpoints and which payment methods fail
- [ ] Check recent deploys of checkout-api
- [ ] Check payments-gateway and postgres-primary health

## Mitigate
- [ ] Roll back the last deploy if it lines up with the spike
- [ ] Turn on the \`checkout.degraded_mode\` flag (card-only, no wallets)
- [ ] Post a status update for customers
- [ ] Keep watching the error rate for 15 minutes after mitigation
`,
  },
  {
    slug: "payment-provider",
    team: "Payments",
    author: "sam@example.com",
    services: ["payments-gateway", "checkout-api"],
    createdDaysAgo: 150,
    reviewedDaysAgo: 10,
    alerts: [{ label: "alertname", value: "PaymentProviderErrors" }],
    markdown: `# Payment provider outage

Card payments fail because an external provider is down or slow.

- [ ] Check the provider's status page
- [ ] Compare error rates per provider on the Payments dashboard
- [ ] Route new payments to the secondary provider
- [ ] Open a ticket with the provider and note its number here
- [ ] Queue failed payments for retry once the provider recovers
- [ ] Switch routing back when the provider is healthy for 30 minutes
`,
  },
  {
    slug: "ledger-mismatch",
    team: "Payments",
    author: "responder@example.com",
    services: ["ledger"],
    createdDaysAgo: 60,
    reviewedDaysAgo: 60,
    markdown: `# Ledger reconciliation mismatch

The nightly reconciliation reports entries that do not balance.

- [ ] Download the reconciliation report
- [ ] Group mismatches by source (checkout, refunds, payouts)
- [ ] Stop payouts if any mismatch is over 1,000 EUR
- [ ] Write correcting entries — never edit existing ones
- [ ] Rerun reconciliation and attach the clean report
`,
  },
  {
    slug: "sign-in-failures",
    team: "Identity",
    author: "responder@example.com",
    services: ["auth-service"],
    createdDaysAgo: 200,
    reviewedDaysAgo: 80,
    alerts: [{ label: "alertname", value: "AuthLoginFailures" }],
    markdown: `# Sign-in failures

People cannot sign in or are signed out unexpectedly.

- [ ] Check the sign-in success rate by method (password, SSO)
- [ ] Check whether the identity provider is reachable
- [ ] Check token signing keys did not rotate unexpectedly
- [ ] If SSO is down, tell support to point people to password sign-in
- [ ] Watch session creation recover
- [ ] Post a status update
`,
  },
  {
    slug: "profile-writes",
    team: "Identity",
    author: "responder@example.com",
    services: ["user-profile"],
    createdDaysAgo: 40,
    reviewedDaysAgo: 5,
    markdown: `# User profile writes failing

Profile or preference changes are not saved.

- [ ] Check user-profile error logs for validation or database errors
- [ ] Check postgres-primary is writable
- [ ] Disable the profile editing UI with the \`profile.read_only\` flag if writes keep failing
- [ ] Replay failed writes from the dead-letter queue once fixed
`,
  },
  {
    slug: "email-delays",
    team: "Identity",
    author: "admin@example.com",
    services: ["notifications"],
    createdDaysAgo: 100,
    reviewedDaysAgo: 82,
    alerts: [{ label: "alertname", value: "EmailQueueBacklog" }],
    markdown: `# Email delivery delayed

Emails (sign-in links, receipts) arrive late or not at all.

- [ ] Check the outgoing queue length
- [ ] Check the email provider's status page and bounce rate
- [ ] Prioritise sign-in emails over marketing
- [ ] Fail over to the secondary provider if the queue keeps growing
- [ ] Drain the queue and confirm delivery times are normal
`,
  },
  {
    slug: "game-day",
    team: "Platform",
    author: "priya@example.com",
    services: ["api-gateway", "postgres-primary"],
    kinds: ["drill"],
    createdDaysAgo: 30,
    reviewedDaysAgo: 30,
    interval: 180,
    markdown: `# Game day: regional failover drill

A planned drill: fail the primary region over and back.

- [ ] Announce the drill window in the incident channel
- [ ] Confirm dashboards and paging work before starting
- [ ] Fail traffic over to the secondary region
- [ ] Promote the secondary database
- [ ] Measure time to recovery and note it on the timeline
- [ ] Fail back and record what surprised you
`,
  },
];

const DAY_MS = 86_400_000;

/** Stable step ids per runbook, so the demo looks the same on every machine. */
function withSeedIds(body: RunbookDoc, slug: string): RunbookDoc {
  const strip = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    const n = node as { type?: string; attrs?: Record<string, unknown>; content?: unknown[] };
    return { ...n, ...(n.type === "runbookStep" ? { attrs: { ...n.attrs, id: null } } : {}), ...(n.content ? { content: n.content.map(strip) } : {}) };
  };
  let n = 0;
  return assignStepIds({ type: "doc", content: (body.content ?? []).map(strip) }, () => `s-${slug}-${++n}`);
}

export async function seedDemoRunbooks(tx: Tx, ids: { users: Map<string, string>; teams: Map<string, string>; services: Map<string, string> }, now = new Date()): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const bySlug = new Map<string, string>();
  for (const demo of demoRunbooks) {
    const { title, summary, body: imported } = importMarkdown(demo.markdown);
    const body = withSeedIds(imported, demo.slug);
    const authorId = ids.users.get(demo.author)!;
    const createdAt = ago(demo.createdDaysAgo);
    const updatedAt = demo.reviewedDaysAgo === null ? createdAt : ago(Math.max(demo.reviewedDaysAgo, 0));
    const content = { title, summary, body, bodyText: docToText(body) };
    const [row] = await tx
      .insert(runbooks)
      .values({
        ...content,
        ownerTeamId: ids.teams.get(demo.team) ?? null,
        incidentKinds: demo.kinds ?? [],
        severityIds: demo.severities ?? [],
        alertMatchers: demo.alerts ?? [],
        reviewIntervalDays: demo.interval ?? 90,
        revision: 1,
        lastReviewedAt: demo.reviewedDaysAgo === null ? null : ago(demo.reviewedDaysAgo),
        lastReviewedById: demo.reviewedDaysAgo === null ? null : authorId,
        createdById: authorId,
        createdAt,
        updatedAt,
      })
      .returning({ id: runbooks.id });
    if (!row) throw new Error("insert returned no row");
    bySlug.set(demo.slug, row.id);
    await tx.insert(runbookServices).values(demo.services.map((name) => ({ runbookId: row.id, serviceId: ids.services.get(name)! })));
    await tx.insert(runbookRevisions).values({ runbookId: row.id, number: 1, ...content, note: "Imported from the team wiki", authorId, createdAt });
  }
  // An open follow-up against the checkout runbook: it shows on the runbook and makes it "review soon".
  const sam = ids.users.get("sam@example.com")!;
  await tx.insert(actionItems).values({
    title: "Add the fraud-check step to the checkout runbook",
    description: "The last checkout incident needed a fraud-rule rollback that the runbook does not mention.",
    ownerId: sam,
    teamId: ids.teams.get("Payments") ?? null,
    dueAt: new Date(now.getTime() + 10 * DAY_MS),
    priority: "medium",
    kind: "process",
    runbookId: bySlug.get("checkout-errors")!,
    createdById: sam,
    createdAt: ago(3),
    updatedAt: ago(3),
  });
}
