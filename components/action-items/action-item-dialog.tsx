"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { actionItemKinds, actionItemPriorities } from "@/lib/action-items";
import { useTRPC } from "@/components/trpc/client";

type Props = { open: boolean; onOpenChange: (open: boolean) => void; incidentId?: string; postMortemId?: string; initialTitle?: string; onCreated?: () => void };

/** Create an owned action item; the due date defaults from the incident's severity when left empty. */
export function ActionItemDialog({ open, onOpenChange, incidentId, postMortemId, initialTitle = "", onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: open });
  const runbooks = useQuery({ ...trpc.runbooks.list.queryOptions({}), enabled: open });
  const errors = useFormErrors("action", ["title", "ownerId", "priority", "kind", "dueAt", "trackerUrl", "runbookId"] as const);
  const create = useMutation(
    trpc.actionItems.create.mutationOptions({
      onSuccess: async () => {
        toast.success("Action item created");
        onOpenChange(false);
        onCreated?.();
        await queryClient.invalidateQueries({ queryKey: trpc.actionItems.pathKey() });
      },
      onError: (failure) => errors.show(failure),
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.clear();
    const form = new FormData(event.currentTarget);
    const due = String(form.get("dueAt") ?? "");
    const tracker = String(form.get("trackerUrl") ?? "").trim();
    const runbookId = String(form.get("runbookId") ?? "");
    create.mutate({
      title: String(form.get("title") ?? ""),
      description: "",
      ownerId: String(form.get("ownerId") ?? ""),
      incidentId,
      postMortemId,
      priority: String(form.get("priority")) as (typeof actionItemPriorities)[number],
      kind: String(form.get("kind")) as (typeof actionItemKinds)[number],
      ...(due ? { dueAt: new Date(`${due}T23:59:59`) } : {}),
      ...(tracker ? { trackerUrl: tracker } : {}),
      ...(runbookId ? { runbookId } : {}),
    });
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        errors.clear();
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New action item</DialogTitle>
          <DialogDescription>
            Every follow-up has one owner. Leave the due date empty to use {incidentId || postMortemId ? "the default for this incident’s severity" : "30 days from today"}.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-3" key={initialTitle}>
          <div className="grid gap-1">
            <Label htmlFor="action-title">What needs doing</Label>
            <Input id="action-title" name="title" defaultValue={initialTitle} required {...errors.inputProps("title")} />
            <FieldError errors={errors} name="title" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="action-owner">Owner</Label>
            <NativeSelect id="action-owner" name="ownerId" required defaultValue="" {...errors.inputProps("ownerId")}>
              <option value="" disabled>
                Choose the owner…
              </option>
              {options.data?.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </NativeSelect>
            <FieldError errors={errors} name="ownerId" />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="grid gap-1">
              <Label htmlFor="action-priority">Priority</Label>
              <NativeSelect id="action-priority" name="priority" defaultValue="medium">
                {actionItemPriorities.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1">
              <Label htmlFor="action-kind">Kind</Label>
              <NativeSelect id="action-kind" name="kind" defaultValue="prevent">
                {actionItemKinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </NativeSelect>
            </div>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="action-due">Due (optional)</Label>
            <Input id="action-due" name="dueAt" type="date" {...errors.inputProps("dueAt")} />
            <FieldError errors={errors} name="dueAt" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="action-tracker">Tracker link (optional)</Label>
            <Input id="action-tracker" name="trackerUrl" type="url" placeholder="https://jira.example.com/browse/OPS-123" {...errors.inputProps("trackerUrl")} />
            <FieldError errors={errors} name="trackerUrl" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="action-runbook">Runbook it updates (optional)</Label>
            <NativeSelect id="action-runbook" name="runbookId" defaultValue="" {...errors.inputProps("runbookId")}>
              <option value="">None</option>
              {runbooks.data?.items.map((runbook) => (
                <option key={runbook.id} value={runbook.id}>
                  {runbook.title}
                </option>
              ))}
            </NativeSelect>
            <FieldError errors={errors} name="runbookId" />
          </div>
          {errors.message ? (
            <p role="alert" className="text-sm text-destructive">
              {errors.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create action item"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
