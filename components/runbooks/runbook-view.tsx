"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Download, History, Pencil } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { actionItemStatusLabels } from "@/lib/action-items";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { RunbookDetail } from "@/server/runbooks/schemas";
import { downloadText } from "./download";
import { FreshnessBadge, FreshnessReasons } from "./freshness-badge";
import { RunbookBody } from "./runbook-body";
import { UseInIncident } from "./use-in-incident";
import { formatDate } from "@/lib/time-format";

export function RunbookView({ runbookId, canEdit }: { runbookId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const runbook = useQuery(trpc.runbooks.get.queryOptions({ id: runbookId }));
  if (runbook.isPending) return <Spinner label="Loading runbook" />;
  if (runbook.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(runbook.error)}
      </p>
    );
  const data = runbook.data;
  return (
    <article className="grid gap-6">
      <Link href="/runbooks" className="text-sm text-muted-foreground hover:text-foreground">
        ← All runbooks
      </Link>
      <header className="grid gap-2">
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <FreshnessBadge freshness={data.freshness} />
          <span>Revision {data.revision}</span>
          <span>· {data.lastReviewedAt ? `reviewed ${formatDate(data.lastReviewedAt)}${data.lastReviewedBy ? ` by ${data.lastReviewedBy.name}` : ""}` : "never reviewed"}</span>
          <span>· {data.lastUsedAt ? `last used ${formatDate(data.lastUsedAt)}` : "not used in an incident yet"}</span>
        </div>
        <h1 className="text-2xl font-semibold break-words">{data.title}</h1>
        {data.summary ? <p className="break-words text-muted-foreground">{data.summary}</p> : null}
        <FreshnessReasons freshness={data.freshness} className="grid gap-0.5 text-sm text-muted-foreground" />
        <Actions runbook={data} canEdit={canEdit} />
      </header>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="min-w-0">
          <CardContent className="pt-4 sm:pt-6">
            <RunbookBody body={data.body} />
          </CardContent>
        </Card>
        <div className="grid min-w-0 content-start gap-6">
          <Facts runbook={data} />
          <Feedback runbook={data} />
          <TargetingItems runbook={data} />
        </div>
      </div>
    </article>
  );
}

function Actions({ runbook, canEdit }: { runbook: RunbookDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const markReviewed = useMutation(
    trpc.runbooks.markReviewed.mutationOptions({
      onSuccess: async () => {
        toast.success("Marked reviewed");
        await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const exportMarkdown = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.runbooks.exportMarkdown.queryOptions({ id: runbook.id }), staleTime: 0 }),
    onSuccess: (file) => downloadText(file.filename, file.markdown),
    onError: (error) => toast.error(errorMessage(error)),
  });
  return (
    <div className="flex flex-wrap gap-2">
      {canEdit ? (
        <>
          <Button size="sm" onClick={() => markReviewed.mutate({ id: runbook.id })} disabled={markReviewed.isPending}>
            <CheckCircle2 aria-hidden /> Mark reviewed
          </Button>
          <Link href={`/runbooks/${runbook.id}/edit`} className={buttonVariants({ variant: "outline", size: "sm" })}>
            <Pencil aria-hidden /> Edit
          </Link>
          {/* Attaching is an incident write: the same roles that write runbooks (admins, responders). */}
          <UseInIncident runbook={runbook} />
        </>
      ) : null}
      <Link href={`/runbooks/${runbook.id}/history`} className={buttonVariants({ variant: "outline", size: "sm" })}>
        <History aria-hidden /> History
      </Link>
      <Button size="sm" variant="outline" onClick={() => exportMarkdown.mutate()} disabled={exportMarkdown.isPending}>
        <Download aria-hidden /> Export Markdown
      </Button>
    </div>
  );
}

function Facts({ runbook }: { runbook: RunbookDetail }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.incidents.formOptions.queryOptions());
  const severityNames = runbook.severityIds.map((id) => options.data?.severities.find((s) => s.id === id)?.name ?? `#${id}`);
  const rows: [string, ReactNode][] = [
    ["Owner team", runbook.ownerTeam?.name ?? "none"],
    ["Services", runbook.services.map((s) => s.name).join(", ") || "any"],
    ["Incident kinds", runbook.incidentKinds.join(", ") || "any"],
    ["Severities", severityNames.join(", ") || "any"],
    [
      "Alert matchers",
      runbook.alertMatchers.length ? (
        <ul className="grid gap-1">
          {runbook.alertMatchers.map((m) => (
            <li key={`${m.label}=${m.value}`}>
              <code className="rounded bg-muted px-1 text-xs break-all">
                {m.label}={m.value}
              </code>
            </li>
          ))}
        </ul>
      ) : (
        "none"
      ),
    ],
    ["Review every", `${runbook.reviewIntervalDays} days`],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          About
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-[7rem_1fr] gap-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

function Feedback({ runbook }: { runbook: RunbookDetail }) {
  const { helpful, unhelpful, latest } = runbook.feedback;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          Feedback from responders
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        <p data-testid="feedback-summary">
          {helpful} helpful · {unhelpful} not helpful
        </p>
        {latest.length ? (
          <ul className="grid gap-2" aria-label="Latest feedback">
            {latest.map((item) => (
              <li key={item.id} className="grid gap-0.5 rounded-md border p-2">
                <span className="flex flex-wrap items-center gap-2">
                  <Badge variant={item.helpful ? "success" : "warning"}>{item.helpful ? "Helpful" : "Not helpful"}</Badge>
                  <span className="text-xs text-muted-foreground">
                    {item.user.name}, {formatDate(item.createdAt)}
                  </span>
                </span>
                {item.comment ? <span className="break-words">{item.comment}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}

function TargetingItems({ runbook }: { runbook: RunbookDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          Action items for this runbook
        </CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
        {runbook.targetingActionItems.length === 0 ? (
          <p className="text-muted-foreground">None.</p>
        ) : (
          <ul className="grid gap-2" aria-label="Action items targeting this runbook">
            {runbook.targetingActionItems.map((item) => (
              <li key={item.id} className="grid gap-0.5 rounded-md border p-2">
                <span className="font-medium break-words">{item.title}</span>
                <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <Badge variant="secondary">{actionItemStatusLabels[item.status]}</Badge>
                  {item.isOverdue ? <Badge variant="destructive">Overdue</Badge> : null}
                  <span>
                    {item.owner.name} · due {formatDate(item.dueAt)}
                  </span>
                  {item.incident ? (
                    <Link className="underline" href={`/incidents/${item.incident.id}`}>
                      {item.incident.reference}
                    </Link>
                  ) : null}
                  {item.postMortemId ? (
                    <Link className="underline" href={`/post-mortems/${item.postMortemId}`}>
                      post-mortem
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
