"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { Timestamp } from "./time-zone";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

export function RolesPanel({ incident, currentUserId }: { incident: IncidentOutput; currentUserId: string }) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: incident.canWrite });
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const assign = useMutation(trpc.incidents.assignRole.mutationOptions(callbacks("Role assigned")));
  const release = useMutation(trpc.incidents.releaseRole.mutationOptions(callbacks("Role released")));
  // Taking a role someone holds moves them out of it: asked first, since one stray click did it before.
  const [takeOver, setTakeOver] = useState<{ key: string; name: string; holder: string } | null>(null);

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          Roles
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <ul className="grid gap-3">
          {incident.roles.map((role) => {
            const isMine = role.holder?.id === currentUserId;
            return (
              <li key={role.key} className="grid gap-1">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="text-sm font-medium" title={role.guide}>
                    {role.name}
                  </span>
                  <span
                    id={`role-holder-${role.key}`}
                    tabIndex={-1}
                    className="rounded-sm text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
                    data-testid={`role-${role.key}`}
                  >
                    {role.holder?.name ?? <span className="text-muted-foreground">unassigned</span>}
                  </span>
                </div>
                {incident.canWrite ? (
                  <div className="flex flex-wrap items-center gap-2">
                    {!isMine ? (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={assign.isPending}
                        onClick={() =>
                          role.holder
                            ? setTakeOver({ key: role.key, name: role.name, holder: role.holder.name })
                            : assign.mutate({ incidentId: incident.id, expectedVersion: incident.version, roleKey: role.key })
                        }
                      >
                        {role.holder ? `Take over ${role.name.toLowerCase()}` : `I'll take ${role.name.toLowerCase()}`}
                      </Button>
                    ) : role.key !== "commander" ? (
                      <Button size="sm" variant="ghost" onClick={() => release.mutate({ incidentId: incident.id, expectedVersion: incident.version, roleKey: role.key })}>
                        Step down
                      </Button>
                    ) : null}
                    <NativeSelect
                      aria-label={`Assign ${role.name} to`}
                      wrapperClassName="w-44"
                      value=""
                      onChange={(event) => event.target.value && assign.mutate({ incidentId: incident.id, expectedVersion: incident.version, roleKey: role.key, userId: event.target.value })}
                    >
                      <option value="">Assign to…</option>
                      {options.data?.responders
                        .filter((p) => p.id !== role.holder?.id)
                        .map((person) => (
                          <option key={person.id} value={person.id}>
                            {person.name}
                          </option>
                        ))}
                    </NativeSelect>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {takeOver ? (
          <ConfirmDialog
            open
            onOpenChange={(open) => !open && setTakeOver(null)}
            title={`Take over ${takeOver.name.toLowerCase()}?`}
            description={`${takeOver.holder} is ${takeOver.name.toLowerCase()} now. Taking over hands the role to you; the change is on the timeline.`}
            confirmLabel="Take over"
            isPending={assign.isPending}
            // The "Take over" button is gone once the role is yours: focus moves to its new holder.
            returnFocusTo={() => document.getElementById(`role-holder-${takeOver.key}`)}
            onConfirm={() => assign.mutate({ incidentId: incident.id, expectedVersion: incident.version, roleKey: takeOver.key }, { onSettled: () => setTakeOver(null) })}
          />
        ) : null}
        {incident.roleHistory.length > incident.roles.filter((r) => r.holder).length ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">Role history</summary>
            <ul className="mt-2 grid gap-1">
              {incident.roleHistory.map((entry, index) => (
                <li key={index}>
                  {entry.role}: {entry.holder.name}, <Timestamp value={entry.from} withDate />
                  {entry.until ? (
                    <>
                      {" "}
                      → <Timestamp value={entry.until} withDate />
                    </>
                  ) : (
                    " → now"
                  )}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
