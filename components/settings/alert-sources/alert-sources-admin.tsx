"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import { alertSourceKindLabels, alertSourceKinds, type AlertSourceKind } from "@/lib/alerts";
import { errorMessage } from "@/lib/trpc/error-message";
import { AlertSourceCard } from "./alert-source-card";
import { TokenNotice } from "./token-notice";

export type ShownToken = { sourceId: string; name: string; token: string };

export function AlertSourcesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.alertSources.list.queryOptions());
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AlertSourceKind>("alertmanager");
  // The token exists in the browser only until this page is left: the server keeps its hash.
  const [shown, setShown] = useState<ShownToken | null>(null);
  const create = useMutation(
    trpc.alertSources.create.mutationOptions({
      onSuccess: ({ source, token }) => {
        setShown({ sourceId: source.id, name: source.name, token });
        setName("");
        toast.success(`Alert source ${source.name} added.`);
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.alertSources.list.queryKey() }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, kind });
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Add an alert source">
        <div className="grid w-full gap-2 sm:w-56">
          <Label htmlFor="alert-source-name">Name</Label>
          <Input id="alert-source-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Prometheus production" maxLength={100} />
        </div>
        <div className="grid w-full gap-2 sm:w-64">
          <Label htmlFor="alert-source-kind">Sends alerts as</Label>
          <NativeSelect id="alert-source-kind" value={kind} onChange={(event) => setKind(event.target.value as AlertSourceKind)}>
            {alertSourceKinds.map((value) => (
              <option key={value} value={value}>
                {alertSourceKindLabels[value]}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={create.isPending || !name.trim()}>
          {create.isPending ? "Adding…" : "Add source"}
        </Button>
      </form>
      {create.error ? (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(create.error)}
        </p>
      ) : null}
      {shown ? <TokenNotice shown={shown} onDismiss={() => setShown(null)} /> : null}
      {sources.isPending ? <Spinner label="Loading alert sources" /> : null}
      {sources.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(sources.error)}
        </p>
      ) : null}
      {sources.data?.length === 0 ? <p className="text-sm text-muted-foreground">No alert sources yet. Add one for each monitoring system that should page Daytwo.</p> : null}
      <ul className="grid grid-cols-1 gap-4" aria-label="Alert sources">
        {sources.data?.map((source) => (
          <li key={source.id}>
            <AlertSourceCard source={source} token={shown?.sourceId === source.id ? shown.token : null} onToken={(token) => setShown({ sourceId: source.id, name: source.name, token })} />
          </li>
        ))}
      </ul>
    </div>
  );
}
