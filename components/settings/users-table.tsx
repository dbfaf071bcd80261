"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { userRoles, type UserRole } from "@/lib/roles";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

export function UsersTable({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const changeRole = useMutation(
    trpc.users.changeRole.mutationOptions({
      onSuccess: (user) => toast.success(`${user.name} is now ${user.role}.`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: refresh,
    }),
  );
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: (user) => toast.success(user.isActive ? `${user.name} can sign in again.` : `${user.name} is deactivated; their history stays.`),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: refresh,
    }),
  );

  if (users.isPending) return <Spinner label="Loading users" />;
  if (users.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(users.error)}
      </p>
    );

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.data.map((user) => (
          <TableRow key={user.id}>
            <TableCell className="font-medium">{user.name}</TableCell>
            <TableCell className="text-muted-foreground">{user.email}</TableCell>
            <TableCell>
              <NativeSelect
                aria-label={`Role for ${user.name}`}
                value={user.role}
                disabled={changeRole.isPending}
                onChange={(event) => changeRole.mutate({ userId: user.id, role: event.target.value as UserRole })}
                wrapperClassName="w-36"
              >
                {userRoles.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </NativeSelect>
            </TableCell>
            <TableCell>{user.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="secondary">Deactivated</Badge>}</TableCell>
            <TableCell className="text-right">
              {user.id === currentUserId ? null : (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={setActive.isPending}
                  aria-label={user.isActive ? `Deactivate ${user.name}` : `Reactivate ${user.name}`}
                  onClick={() => setActive.mutate({ userId: user.id, isActive: !user.isActive })}
                >
                  {user.isActive ? "Deactivate" : "Reactivate"}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
