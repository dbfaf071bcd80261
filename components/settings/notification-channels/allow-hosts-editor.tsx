"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useTRPC } from "@/components/trpc/client";

const fields = ["hosts"] as const;

/** The outbound allow-list, one host per line: the only way a channel may reach a private address. */
export function AllowHostsEditor() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.notificationChannels.allowHosts.queryOptions());
  const errors = useFormErrors("allow-hosts", fields);
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    if (current.data && value === null) setValue(current.data.hosts.join("\n"));
  }, [current.data, value]);
  const save = useMutation(
    trpc.notificationChannels.setAllowHosts.mutationOptions({
      onSuccess: ({ hosts }) => {
        errors.clear();
        setValue(hosts.join("\n"));
        toast.success(hosts.length === 0 ? "No private hosts are allowed now." : `Allowed hosts saved (${hosts.length}).`);
      },
      onError: (error) => errors.show(error),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notificationChannels.allowHosts.queryKey() }),
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ hosts: (value ?? "").split(/[\s,]+/).filter(Boolean) });
  }
  return (
    <form onSubmit={submit} noValidate className="grid min-w-0 gap-2" aria-labelledby="allow-hosts-heading">
      <h3 id="allow-hosts-heading" className="text-base font-semibold">
        Hosts allowed even though they are private or local
      </h3>
      <p id="allow-hosts-hint" className="text-sm text-muted-foreground">
        Daytwo refuses to send to private, loopback and link-local addresses (so a pasted URL cannot reach into this network) unless the host is listed here. One host name or IP address per line,
        without https:// or a port.
      </p>
      <Label htmlFor="allow-hosts-list">Allowed hosts</Label>
      <Textarea
        id="allow-hosts-list"
        value={value ?? ""}
        rows={4}
        placeholder={"chat.internal\n10.0.0.5"}
        onChange={(event) => setValue(event.target.value)}
        {...errors.inputProps("hosts", "allow-hosts-hint")}
      />
      <FieldError errors={errors} name="hosts" />
      {errors.message ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending || value === null}>
          {save.isPending ? "Saving…" : "Save allowed hosts"}
        </Button>
      </div>
    </form>
  );
}
