"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

export function TeamsAdmin({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: isAdmin });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.teams.list.queryKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const createTeam = useMutation(trpc.teams.create.mutationOptions({ onSuccess: (team) => toast.success(`Team ${team.name} created.`), onError, onSettled: refresh }));
  const addMember = useMutation(trpc.teams.addMember.mutationOptions({ onSuccess: () => toast.success("Member added."), onError, onSettled: refresh }));
  const removeMember = useMutation(trpc.teams.removeMember.mutationOptions({ onSuccess: () => toast.success("Member removed."), onError, onSettled: refresh }));
  const [newTeamName, setNewTeamName] = useState("");

  if (teams.isPending) return <Spinner label="Loading teams" />;
  if (teams.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(teams.error)}
      </p>
    );

  function submitTeam(event: FormEvent) {
    event.preventDefault();
    createTeam.mutate({ name: newTeamName, description: "" }, { onSuccess: () => setNewTeamName("") });
  }

  return (
    <div className="grid gap-4">
      {isAdmin ? (
        <form onSubmit={submitTeam} className="flex flex-wrap items-end gap-2">
          <div className="grid gap-2">
            <Label htmlFor="new-team-name">New team</Label>
            <Input id="new-team-name" value={newTeamName} onChange={(event) => setNewTeamName(event.target.value)} placeholder="e.g. Data" />
          </div>
          <Button type="submit" disabled={createTeam.isPending || !newTeamName.trim()}>
            Create team
          </Button>
        </form>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {teams.data.map((team) => (
          <Card key={team.id}>
            <CardHeader>
              <CardTitle as="h3">{team.name}</CardTitle>
              {team.description ? <CardDescription>{team.description}</CardDescription> : null}
            </CardHeader>
            <CardContent className="grid gap-3">
              <ul className="grid gap-1" aria-label={`Members of ${team.name}`}>
                {team.members.length === 0 ? <li className="text-sm text-muted-foreground">No members yet.</li> : null}
                {team.members.map((member) => (
                  <li key={member.userId} className="flex items-center justify-between gap-2 text-sm">
                    <span>
                      {member.name} {member.isLead ? <Badge variant="outline">Lead</Badge> : null}
                    </span>
                    {isAdmin ? (
                      <Button variant="ghost" size="icon" aria-label={`Remove ${member.name} from ${team.name}`} onClick={() => removeMember.mutate({ teamId: team.id, userId: member.userId })}>
                        <X className="size-4" aria-hidden />
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {isAdmin && users.data ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const form = new FormData(event.currentTarget);
                    addMember.mutate({ teamId: team.id, userId: String(form.get("userId")), isLead: form.get("isLead") === "on" });
                  }}
                >
                  <NativeSelect name="userId" aria-label={`Person to add to ${team.name}`} wrapperClassName="w-44" required>
                    {users.data
                      .filter((user) => user.isActive && !team.members.some((m) => m.userId === user.id))
                      .map((user) => (
                        <option key={user.id} value={user.id}>
                          {user.name}
                        </option>
                      ))}
                  </NativeSelect>
                  <label className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name="isLead" /> Lead
                  </label>
                  <Button type="submit" size="sm" variant="outline">
                    Add to {team.name}
                  </Button>
                </form>
              ) : null}
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}
