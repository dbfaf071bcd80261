"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/settings/alert-sources/confirm-button";
import { CopyField } from "@/components/settings/alert-sources/copy-field";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { UserRole } from "@/lib/roles";
import { formatDateTime } from "@/lib/time-format";
import { errorMessage } from "@/lib/trpc/error-message";
import { CreateTokenForm } from "./create-token-form";

export function ApiTokensAdmin({ isAdmin, role }: { isAdmin: boolean; role: UserRole }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions());
  // The token exists in the browser only until this page is left: the server keeps its hash.
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: (token) => toast.success(`Token ${token.name} revoked.`),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() }),
    }),
  );

  return (
    <div className="grid grid-cols-1 gap-4">
      <CreateTokenForm isAdmin={isAdmin} role={role} onCreated={(name, token) => setShown({ name, token })} />
      {shown ? (
        <div role="status" className="grid gap-3 rounded-lg border border-border bg-card p-4">
          <p className="text-sm font-medium">Copy the token for {shown.name} now. Daytwo keeps only a hash, so it will not be shown again.</p>
          <CopyField label={`Token for ${shown.name}`} value={shown.token} />
          <div>
            <Button type="button" size="sm" variant="outline" onClick={() => setShown(null)}>
              I have copied it
            </Button>
          </div>
        </div>
      ) : null}
      {tokens.isPending ? <Spinner label="Loading API tokens" /> : null}
      {tokens.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(tokens.error)}
        </p>
      ) : null}
      {tokens.data?.length === 0 ? <p className="text-sm text-muted-foreground">No API tokens yet.</p> : null}
      <ul className="grid grid-cols-1 gap-3" aria-label="API tokens">
        {tokens.data?.map((token) => {
          const state = token.revokedAt ? "Revoked" : token.expiresAt && token.expiresAt.getTime() < Date.now() ? "Expired" : "Active";
          return (
            <li key={token.id} className="grid min-w-0 gap-2 rounded-lg border border-border bg-card p-4 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium break-words">
                  {token.name} <code className="text-xs text-muted-foreground">{token.prefix}…</code> <span className="text-muted-foreground">· {state}</span>
                </p>
                {token.revokedAt ? null : (
                  <ConfirmButton
                    label="Revoke"
                    accessibleLabel={`Revoke ${token.name}`}
                    title={`Revoke ${token.name}?`}
                    description="Requests with this token are refused from now on. This cannot be undone."
                    confirm="Revoke token"
                    isDestructive
                    isPending={revoke.isPending}
                    onConfirm={() => revoke.mutateAsync({ tokenId: token.id })}
                  />
                )}
              </div>
              <p className="text-muted-foreground">
                {token.owner ? `Personal token of ${token.owner.name}` : "Workspace token"} · acts as {token.role}
                {token.team ? ` · team ${token.team.name}` : ""} · {token.requestsPerMinute} requests a minute
              </p>
              <p className="break-words">
                Scopes:{" "}
                {token.scopes.map((scope) => (
                  <code key={scope} className="mr-1 text-xs">
                    {scope}
                  </code>
                ))}
              </p>
              <p className="text-muted-foreground">
                Created {formatDateTime(token.createdAt)} by {token.createdBy.name}
                {token.expiresAt ? ` · expires ${formatDateTime(token.expiresAt)}` : " · never expires"}
                {token.lastUsedAt ? ` · last used ${formatDateTime(token.lastUsedAt)} from ${token.lastUsedFrom ?? "unknown"}` : " · never used"}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
