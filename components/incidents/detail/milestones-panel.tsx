"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { milestoneLabels, milestones, type Milestone } from "@/lib/incident-lifecycle";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { Timestamp } from "./time-zone";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";
import { toDateTimeLocalValue } from "@/lib/time-format";

// datetime-local works in the browser's zone; convert both ways explicitly.
const toLocalInput = (date: Date | null) => (date ? toDateTimeLocalValue(date) : "");

export function MilestonesPanel({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const errors = useFormErrors("milestone", ["at"]);
  const correct = useMutation(trpc.incidents.correctMilestone.mutationOptions(callbacks("Milestone corrected", errors.show)));
  const [editing, setEditing] = useState<{ name: Milestone; value: string } | null>(null);
  // Opening or leaving a milestone's form starts it without the last attempt's error.
  const edit = (next: { name: Milestone; value: string } | null) => {
    errors.clear();
    setEditing(next);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          Milestones
        </CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2 text-sm">
          {milestones.map((name) => {
            const value = incident.milestones[name];
            return (
              <div key={name} className="flex flex-wrap items-center justify-between gap-2">
                <dt className="text-muted-foreground">{milestoneLabels[name]}</dt>
                <dd className="flex items-center gap-2">
                  {editing?.name === name ? (
                    <form
                      className="flex flex-wrap items-center gap-1"
                      onSubmit={(e) => {
                        e.preventDefault();
                        errors.clear();
                        correct.mutate(
                          { incidentId: incident.id, expectedVersion: incident.version, milestone: name, at: editing.value ? new Date(editing.value) : null },
                          { onSuccess: () => setEditing(null) },
                        );
                      }}
                    >
                      <Input
                        type="datetime-local"
                        aria-label={`${milestoneLabels[name]} time`}
                        value={editing.value}
                        onChange={(e) => setEditing({ name, value: e.target.value })}
                        className="h-8"
                        {...errors.inputProps("at")}
                      />
                      <Button size="sm" type="submit">
                        Save
                      </Button>
                      <Button size="sm" type="button" variant="ghost" onClick={() => edit(null)}>
                        Cancel
                      </Button>
                      <div className="basis-full">
                        <FieldError errors={errors} name="at" />
                      </div>
                    </form>
                  ) : (
                    <>
                      {value ? <Timestamp value={value} withDate /> : <span className="text-muted-foreground">—</span>}
                      {incident.canWrite ? (
                        <Button size="sm" variant="ghost" aria-label={`Correct ${milestoneLabels[name].toLowerCase()} time`} onClick={() => edit({ name, value: toLocalInput(value) })}>
                          Correct
                        </Button>
                      ) : null}
                    </>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </CardContent>
    </Card>
  );
}
