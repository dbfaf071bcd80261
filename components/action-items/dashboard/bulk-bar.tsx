"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select-native";
import { actionItemStatuses, actionItemStatusLabels, type ActionItemStatus } from "@/lib/action-items";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

/** One change for every selected item: owner, due date or status (won't do asks why). */
export function BulkBar({ selectedIds, onDone }: { selectedIds: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: selectedIds.length > 0 });
  const [ownerId, setOwnerId] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [status, setStatus] = useState<ActionItemStatus | "">("");
  const [reason, setReason] = useState("");
  const update = useMutation(
    trpc.actionItems.update.mutationOptions({
      onSuccess: ({ updated }) => {
        toast.success(`${updated} action item${updated === 1 ? "" : "s"} updated`);
        setOwnerId("");
        setDueAt("");
        setStatus("");
        setReason("");
        onDone();
      },
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.actionItems.pathKey() }),
    }),
  );
  if (selectedIds.length === 0) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      actionItemIds: selectedIds,
      ownerId: ownerId || undefined,
      // A date input gives a calendar day: due at the end of that day in the lead's zone.
      dueAt: dueAt ? new Date(`${dueAt}T23:59:00`) : undefined,
      status: status || undefined,
      reason: status === "wont_do" ? reason : undefined,
    });
  }

  return (
    <form onSubmit={submit} aria-label="Change selected action items" className="flex flex-wrap items-end gap-2 rounded-lg border border-border bg-muted/40 p-3 text-sm">
      <p className="w-full font-medium" role="status">
        {selectedIds.length} selected
      </p>
      <NativeSelect aria-label="New owner" wrapperClassName="w-44" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
        <option value="">Owner unchanged</option>
        {options.data?.people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </NativeSelect>
      <Input type="date" aria-label="New due date" className="w-40" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
      <NativeSelect aria-label="New status" wrapperClassName="w-40" value={status} onChange={(e) => setStatus(e.target.value as ActionItemStatus | "")}>
        <option value="">Status unchanged</option>
        {actionItemStatuses.map((value) => (
          <option key={value} value={value}>
            {actionItemStatusLabels[value]}
          </option>
        ))}
      </NativeSelect>
      {status === "wont_do" ? <Input aria-label="Why they won't be done" placeholder="Why not?" className="w-56" value={reason} onChange={(e) => setReason(e.target.value)} required /> : null}
      <Button type="submit" size="sm" disabled={update.isPending || (!ownerId && !dueAt && !status)}>
        Apply to {selectedIds.length}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
    </form>
  );
}
