"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";
import { useIncidentMutationCallbacks } from "./use-incident-mutation";

/** Participants: everyone who acted, plus people added by hand — for a private incident, who may see it. */
export function PeoplePanel({ incident }: { incident: IncidentOutput }) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: incident.canWrite });
  const callbacks = useIncidentMutationCallbacks(incident.id);
  const add = useMutation(trpc.incidents.addParticipant.mutationOptions(callbacks("Person added")));
  const [userId, setUserId] = useState("");
  const candidates = options.data?.people.filter((p) => !incident.participants.some((q) => q.id === p.id)) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          People
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {incident.isPrivate ? <p className="text-sm text-muted-foreground">Private: only these people and admins can see this incident.</p> : null}
        <ul className="flex flex-wrap gap-2 text-sm" aria-label="Participants">
          {incident.participants.map((person) => (
            <li key={person.id} className="rounded-full bg-muted px-2 py-0.5">
              {person.name}
            </li>
          ))}
        </ul>
        {incident.canWrite && candidates.length ? (
          <form
            className="flex flex-wrap gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (userId) add.mutate({ incidentId: incident.id, userId }, { onSuccess: () => setUserId("") });
            }}
          >
            <NativeSelect aria-label="Person to add" wrapperClassName="w-44" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">Add a person…</option>
              {candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </NativeSelect>
            <Button type="submit" size="sm" variant="outline" disabled={!userId || add.isPending}>
              Add
            </Button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
