"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { actionItemStatuses, actionItemStatusLabels, isActive, type ActionItemStatus } from "@/lib/action-items";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { useNow } from "@/lib/hooks/use-now";
import { formatDate } from "@/lib/time-format";

type Scope = { scope: "mine" } | { scope: "incident"; incidentId: string } | { scope: "post_mortem"; postMortemId: string };

/** Action items with their owner, due date and status; the status changes in place. */
export function ActionItemList({ filter, emptyText, highlightId }: { filter: Scope; emptyText: string; highlightId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const items = useQuery(trpc.actionItems.list.queryOptions({ ...filter, includeClosed: true }));
  const setStatus = useMutation(
    trpc.actionItems.setStatus.mutationOptions({
      onSuccess: () => toast.success("Action item updated"),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.actionItems.pathKey() }),
    }),
  );
  const [wontDo, setWontDo] = useState<{ id: string; reason: string } | null>(null);
  // Overdue by the viewer's clock, so an item turns overdue while the page is open.
  const now = useNow();
  const loaded = items.isSuccess;
  useEffect(() => {
    if (loaded && highlightId) document.getElementById(`action-item-${highlightId}`)?.scrollIntoView({ block: "center" });
  }, [loaded, highlightId]);
  if (items.isPending) return <Spinner label="Loading action items" />;
  if (items.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(items.error)}
      </p>
    );
  if (items.data.length === 0) return <p className="text-sm text-muted-foreground">{emptyText}</p>;

  function change(id: string, status: ActionItemStatus) {
    // "Won't do" needs a reason: ask for it in place before saving.
    if (status === "wont_do") setWontDo({ id, reason: "" });
    else setStatus.mutate({ actionItemId: id, status });
  }

  return (
    <ul className="grid gap-2" aria-label="Action items">
      {items.data.map((item) => (
        <li
          key={item.id}
          id={`action-item-${item.id}`}
          aria-current={item.id === highlightId ? "true" : undefined}
          className={`grid gap-1 rounded-md border p-3 text-sm sm:grid-cols-[1fr_auto] sm:items-center ${item.id === highlightId ? "ring-2 ring-primary" : ""}`}
          data-testid="action-item"
        >
          <div className="grid gap-1">
            <p className="font-medium">{item.title}</p>
            <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
              <span>{item.owner.name}</span>
              <span>
                · due <time dateTime={item.dueAt.toISOString()}>{formatDate(item.dueAt)}</time>
              </span>
              {isActive(item.status) && item.dueAt.getTime() < now ? <Badge variant="destructive">Overdue</Badge> : null}
              <Badge variant="outline">{item.priority}</Badge>
              <Badge variant="outline">{item.kind}</Badge>
              {item.incident ? (
                <Link className="underline" href={`/incidents/${item.incident.id}`}>
                  {item.incident.reference}
                </Link>
              ) : null}
              {item.tracker ? (
                <a className="underline" href={item.tracker.url} target="_blank" rel="noreferrer noopener">
                  {item.tracker.label}
                </a>
              ) : null}
              {item.status === "done" && item.doneBy ? <span>· done by {item.doneBy}</span> : null}
              {item.status === "wont_do" && item.wontDoReason ? <span>· {item.wontDoReason}</span> : null}
            </p>
          </div>
          {item.canEdit ? (
            wontDo?.id === item.id ? (
              <form
                className="flex flex-wrap items-center gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  setStatus.mutate({ actionItemId: item.id, status: "wont_do", reason: wontDo.reason }, { onSuccess: () => setWontDo(null) });
                }}
              >
                <Input
                  aria-label={`Why “${item.title}” won't be done`}
                  placeholder="Why not?"
                  value={wontDo.reason}
                  onChange={(e) => setWontDo({ id: item.id, reason: e.target.value })}
                  className="h-8 w-48"
                  required
                />
                <Button size="sm" type="submit" disabled={!wontDo.reason.trim() || setStatus.isPending}>
                  Save
                </Button>
                <Button size="sm" type="button" variant="ghost" onClick={() => setWontDo(null)}>
                  Cancel
                </Button>
              </form>
            ) : (
              <NativeSelect aria-label={`Status of ${item.title}`} wrapperClassName="w-36" value={item.status} onChange={(e) => change(item.id, e.target.value as ActionItemStatus)}>
                {actionItemStatuses.map((status) => (
                  <option key={status} value={status}>
                    {actionItemStatusLabels[status]}
                  </option>
                ))}
              </NativeSelect>
            )
          ) : (
            <Badge variant="secondary">{actionItemStatusLabels[item.status]}</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
