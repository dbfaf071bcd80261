"use client";

import { useMutation } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { allowedTransitions, needsReason, statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";
import { useFormErrors } from "@/components/ui/field-error";
import { reasonFields } from "./reason-fields";

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

function labelFor(from: IncidentStatus, to: IncidentStatus): string {
  if (to === "investigating" && from !== "triage") return from === "identified" || from === "monitoring" ? "Back to investigating" : "Reopen";
  return actionLabel[to] ?? statusLabels[to];
}

export function NextActions({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const [pending, setPending] = useState<IncidentStatus | null>(null);
  const [reason, setReason] = useState("");
  const [mergeInto, setMergeInto] = useState("");
  const errors = useFormErrors("status-change", reasonFields);
  const change = useMutation(trpc.incidents.changeStatus.mutationOptions(callbacks("Status changed", errors.show)));
  if (!incident.canWrite) return null;

  const run = (to: IncidentStatus) => {
    if (needsReason(to)) {
      setPending(to);
      return;
    }
    change.mutate({ incidentId: incident.id, expectedVersion: incident.version, to });
  };
  const confirm = () => {
    if (!pending) return;
    errors.clear();
    const number = Number(mergeInto.replace(/^inc-/i, ""));
    change.mutate(
      { incidentId: incident.id, expectedVersion: incident.version, to: pending, reason, ...(pending === "merged" ? { mergedIntoNumber: number } : {}) },
      {
        onSuccess: () => {
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
