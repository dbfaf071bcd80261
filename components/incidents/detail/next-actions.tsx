"use client";

import { useMutation } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useKeyShortcuts } from "@/components/ui/key-shortcuts";
import { allowedTransitions, needsReason, statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";
import { useFormErrors } from "@/components/ui/field-error";
import { reasonFields } from "./reason-fields";
import { focusIncidentStatus, incidentStatusElement } from "./incident-header";

const ReasonDialog = dynamic(() => import("./reason-dialog").then((module) => module.ReasonDialog), { ssr: false });

// What an incident commander most likely does next, by status: one click, named as an action.
const actionLabel: Partial<Record<IncidentStatus, string>> = {
  investigating: "Acknowledge",
  identified: "Cause identified",
  monitoring: "Mitigated — monitor",
  resolved: "Resolve",
  closed: "Close",
  declined: "Decline…",
  merged: "Merge into…",
  canceled: "Cancel incident…",
  triage: "Reopen",
};

/** The page's status keys (listed in the shortcut help): each asks for confirmation first. */
export const statusShortcuts = [
  { key: "a", to: "investigating", name: "Acknowledge" },
  { key: "m", to: "monitoring", name: "Mitigated — monitor" },
  { key: "r", to: "resolved", name: "Resolve" },
] as const satisfies readonly { key: string; to: IncidentStatus; name: string }[];

function labelFor(from: IncidentStatus, to: IncidentStatus): string {
  if (to === "investigating" && from !== "triage") return from === "identified" || from === "monitoring" ? "Back to investigating" : "Reopen";
  return actionLabel[to] ?? statusLabels[to];
}

export function NextActions({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const [pending, setPending] = useState<IncidentStatus | null>(null);
  const [confirming, setConfirming] = useState<(typeof statusShortcuts)[number] | null>(null);
  const [reason, setReason] = useState("");
  const [mergeInto, setMergeInto] = useState("");
  const errors = useFormErrors("status-change", reasonFields);
  const change = useMutation(trpc.incidents.changeStatus.mutationOptions(callbacks("Status changed", errors.show)));
  // "Acknowledge" is the move out of triage; later, "a" has nothing left to acknowledge.
  const isOffered = (shortcut: (typeof statusShortcuts)[number]) => allowedTransitions[incident.status].includes(shortcut.to) && (shortcut.to !== "investigating" || incident.status === "triage");
  useKeyShortcuts(
    Object.fromEntries(
      statusShortcuts.map((shortcut) => [
        shortcut.key,
        () => {
          if (isOffered(shortcut)) setConfirming(shortcut);
          else toast.info(`${shortcut.name} is not possible while the incident is ${statusLabels[incident.status].toLowerCase()}.`);
        },
      ]),
    ),
    incident.canWrite,
  );
  if (!incident.canWrite) return null;

  const run = (to: IncidentStatus) => {
    if (needsReason(to)) {
      setPending(to);
      return;
    }
    // The clicked button is replaced by the next status's buttons: the new status takes the focus.
    change.mutate({ incidentId: incident.id, expectedVersion: incident.version, to }, { onSuccess: () => focusIncidentStatus() });
  };
  const confirm = () => {
    if (!pending) return;
    errors.clear();
    const number = Number(mergeInto.replace(/^inc-/i, ""));
    change.mutate(
      { incidentId: incident.id, expectedVersion: incident.version, to: pending, reason, ...(pending === "merged" ? { mergedIntoNumber: number } : {}) },
      {
        onSuccess: () => {
          focusIncidentStatus();
          setPending(null);
          setReason("");
          setMergeInto("");
        },
      },
    );
  };

  const transitions = allowedTransitions[incident.status];
  return (
    <section aria-label="Next actions" className="flex flex-wrap gap-2">
      {transitions.map((to, index) => (
        <Button key={to} variant={index === 0 ? "default" : needsReason(to) ? "ghost" : "outline"} size="sm" disabled={change.isPending} onClick={() => run(to)}>
          {labelFor(incident.status, to)}
        </Button>
      ))}
      {confirming ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setConfirming(null)}
          title={`${confirming.name}?`}
          description={`${incident.reference} moves from ${statusLabels[incident.status]} to ${statusLabels[confirming.to]}.`}
          confirmLabel={confirming.name}
          isPending={change.isPending}
          returnFocusTo={incidentStatusElement}
          onConfirm={() => change.mutate({ incidentId: incident.id, expectedVersion: incident.version, to: confirming.to }, { onSettled: () => setConfirming(null) })}
        />
      ) : null}
      {/* The dialog's code is fetched the first time a reason is asked for, not with the page. */}
      {pending !== null ? (
        <ReasonDialog
          pending={pending}
          onClose={() => {
            setPending(null);
            errors.clear();
          }}
          reason={reason}
          onReason={setReason}
          mergeInto={mergeInto}
          onMergeInto={setMergeInto}
          onConfirm={confirm}
          isPending={change.isPending}
          errors={errors}
        />
      ) : null}
    </section>
  );
}
