"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { userRoles, type UserRole } from "@/lib/roles";

export function CreateUserDialog() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`${user.name} can now sign in as ${user.role}.`);
        setIsOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
      onError: (failure) => setError(errorMessage(failure)),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      role: String(form.get("role")) as UserRole,
      password: String(form.get("password") ?? ""),
    });
  }

  return (
    <Dialog open={isOpen} onOpenChange={(open) => { setIsOpen(open); setError(null); }}>
      <DialogTrigger asChild>
        <Button><UserPlus className="size-4" aria-hidden /> Add user</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a user</DialogTitle>
          <DialogDescription>They sign in with this email and password; ask them to keep the password private.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4">
          <div className="grid gap-2">
            <Label htmlFor="new-user-name">Name</Label>
            <Input id="new-user-name" name="name" required />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="new-user-email">Email</Label>
            <Input id="new-user-email" name="email" type="email" required />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="new-user-role">Role</Label>
            <NativeSelect id="new-user-role" name="role" defaultValue="responder">
              {userRoles.map((role) => <option key={role} value={role}>{role}</option>)}
            </NativeSelect>
          </div>
          <div className="grid gap-2">
            <Label htmlFor="new-user-password">Initial password (at least 10 characters)</Label>
            <Input id="new-user-password" name="password" type="password" autoComplete="new-password" required />
          </div>
          {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
          <DialogFooter>
            <Button type="submit" disabled={create.isPending}>{create.isPending ? "Adding…" : "Add user"}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
