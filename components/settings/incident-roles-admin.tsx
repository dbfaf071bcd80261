"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

export function IncidentRolesAdmin({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = useQuery(trpc.incidentRoles.list.queryOptions());
  const create = useMutation(
    trpc.incidentRoles.create.mutationOptions({
      onSuccess: (role) => toast.success(`${role.name} is now offered on every incident.`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.incidentRoles.list.queryKey() }),
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate({ name: String(data.get("name")), guide: String(data.get("guide")) }, { onSuccess: () => form.reset() });
  }
  if (roles.isPending) return <Spinner label="Loading incident roles" />;
  if (roles.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(roles.error)}
      </p>
    );
  return (
    <div className="grid gap-6">
      <ul className="grid gap-3">
        {roles.data.map((role) => (
          <li key={role.id} className="rounded-md border p-3">
            <p className="font-medium">
              {role.name} {role.isBuiltin ? <Badge variant="outline">built in</Badge> : null}
            </p>
            <p className="text-sm text-muted-foreground">{role.guide}</p>
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <form onSubmit={submit} className="grid max-w-lg gap-3" aria-label="Define an incident role">
          <h3 className="font-medium">Define a role</h3>
          <div className="grid gap-1">
            <Label htmlFor="role-name">Name</Label>
            <Input id="role-name" name="name" placeholder="Customer liaison" required />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="role-guide">Guide (what the person in this role does)</Label>
            <Textarea id="role-guide" name="guide" rows={2} required />
          </div>
          <Button type="submit" disabled={create.isPending} className="justify-self-start">
            Add role
          </Button>
        </form>
      ) : null}
    </div>
  );
}
