"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { type ApiScope, apiScopes, roleAllows } from "@/lib/api-scopes";
import type { UserRole } from "@/lib/roles";
import { errorMessage } from "@/lib/trpc/error-message";

const expiries = [
  { value: "", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

/** Creating a token: admins choose workspace or personal; everyone else makes personal tokens. */
export function CreateTokenForm({ isAdmin, role, onCreated }: { isAdmin: boolean; role: UserRole; onCreated: (name: string, token: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), enabled: isAdmin });
  const [name, setName] = useState("");
  const [personal, setPersonal] = useState(!isAdmin);
  const [scopes, setScopes] = useState<ApiScope[]>(["incidents:read"]);
  const [expiry, setExpiry] = useState("");
  const [teamId, setTeamId] = useState("");
  const [perMinute, setPerMinute] = useState("1200");
  // A personal token never goes beyond its owner's role, so only those scopes are offered.
  const offered = apiScopes.filter((entry) => !personal || roleAllows(role, entry.role));
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: ({ token, apiToken }) => {
        onCreated(apiToken.name, token);
        setName("");
        toast.success(`Token ${apiToken.name} created.`);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name,
      personal,
      scopes: scopes.filter((scope) => offered.some((entry) => entry.scope === scope)),
      expiresInDays: expiry ? Number(expiry) : undefined,
      teamId: teamId || undefined,
      requestsPerMinute: Number(perMinute),
    });
  }

  const toggle = (scope: ApiScope, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((entry) => entry !== scope)));

  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-4 rounded-lg border border-border bg-card p-4" aria-label="Create an API token">
      <div className="flex flex-wrap gap-4">
        <div className="grid w-full gap-2 sm:w-64">
          <Label htmlFor="api-token-name">Name</Label>
          <Input id="api-token-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. CI deploys" maxLength={80} />
        </div>
        {isAdmin ? (
          <div className="grid w-full gap-2 sm:w-56">
            <Label htmlFor="api-token-kind">Acts as</Label>
            <NativeSelect id="api-token-kind" value={personal ? "personal" : "workspace"} onChange={(event) => setPersonal(event.target.value === "personal")}>
              <option value="workspace">Workspace token (outlives its creator)</option>
              <option value="personal">Personal token (never more than me)</option>
            </NativeSelect>
            <p id="api-token-team-hint" className="text-xs text-muted-foreground">
              Narrows incidents, with their post-mortems and action items, to the team&apos;s services.
            </p>
          </div>
        ) : null}
        <div className="grid w-full gap-2 sm:w-40">
          <Label htmlFor="api-token-expiry">Expires</Label>
          <NativeSelect id="api-token-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
            {expiries.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        {isAdmin ? (
          <div className="grid w-full gap-2 sm:w-48">
            <Label htmlFor="api-token-team">Team</Label>
            <NativeSelect id="api-token-team" value={teamId} onChange={(event) => setTeamId(event.target.value)} aria-describedby="api-token-team-hint">
              <option value="">No team restriction</option>
              {teams.data?.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        <div className="grid w-full gap-2 sm:w-40">
          <Label htmlFor="api-token-rate">Requests a minute</Label>
          <Input id="api-token-rate" type="number" inputMode="numeric" min={1} max={100000} value={perMinute} onChange={(event) => setPerMinute(event.target.value)} />
        </div>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Scopes</legend>
        {offered.map((entry) => (
          <label key={entry.scope} className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 accent-primary" checked={scopes.includes(entry.scope)} onChange={(event) => toggle(entry.scope, event.target.checked)} />
            <span>
              <code className="text-xs">{entry.scope}</code> — {entry.label}
            </span>
          </label>
        ))}
      </fieldset>
      {create.error ? (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(create.error)}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={create.isPending || !name.trim() || scopes.length === 0}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
