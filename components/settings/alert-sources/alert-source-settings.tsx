"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import { type AlertAutoResolveMode, alertAutoResolveModes, autoResolveChoices } from "@/lib/alert-routing-labels";
import type { AlertSourceView } from "./alert-source-card";

const fields = ["name", "rateLimitPerMinute", "hmacSecret", "hmacHeader", "timestampHeader", "toleranceSeconds", "autoResolve"] as const;

/** Name, rate limit and HMAC settings. The secret is never shown; a blank field keeps the current one. */
export function AlertSourceSettings({ source, onSaved }: { source: AlertSourceView; onSaved: () => void }) {
  const trpc = useTRPC();
  const id = `alert-source-${source.id}`;
  const errors = useFormErrors(id, fields);
  const [isRemovingSecret, setRemovingSecret] = useState(false);
  const save = useMutation(
    trpc.alertSources.update.mutationOptions({
      onSuccess: () => {
        errors.clear();
        toast.success("Settings saved.");
        onSaved();
      },
      onError: (error) => errors.show(error),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const secret = text("hmacSecret");
    save.mutate({
      id: source.id,
      name: text("name"),
      rateLimitPerMinute: Number(text("rateLimitPerMinute")),
      hmacHeader: text("hmacHeader"),
      timestampHeader: text("timestampHeader"),
      toleranceSeconds: Number(text("toleranceSeconds")),
      autoResolve: text("autoResolve") as AlertAutoResolveMode,
      ...(isRemovingSecret ? { hmacSecret: null } : secret ? { hmacSecret: secret } : {}),
    });
  }

  const field = (name: (typeof fields)[number], label: string, props: React.ComponentProps<typeof Input>, hint?: string) => (
    <div className="grid gap-1">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input id={`${id}-${name}`} name={name} {...props} {...errors.inputProps(name, hint ? `${id}-${name}-hint` : undefined)} />
      {hint ? (
        <p id={`${id}-${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} />
    </div>
  );

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-md border border-border p-3" aria-label={`Settings of ${source.name}`}>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("name", "Name", { defaultValue: source.name, maxLength: 100, required: true })}
        {field("rateLimitPerMinute", "Requests a minute", { type: "number", min: 1, max: 1_000_000, defaultValue: source.rateLimitPerMinute, required: true })}
        {field(
          "hmacSecret",
          source.hasHmac ? "New HMAC secret" : "HMAC secret",
          { type: "password", autoComplete: "new-password", disabled: isRemovingSecret },
          source.hasHmac ? "A secret is set. Leave blank to keep it." : "Optional (Grafana can sign its webhooks). At least 16 characters; once set, every request must be signed.",
        )}
        {field("hmacHeader", "Signature header", { defaultValue: source.hmacHeader, required: true })}
        {field("timestampHeader", "Timestamp header", { defaultValue: source.timestampHeader }, "Set it when the sender signs “timestamp:body”; blank when it signs the body.")}
        {field("toleranceSeconds", "Timestamp tolerance (seconds)", { type: "number", min: 1, max: 86_400, defaultValue: source.toleranceSeconds, required: true })}
        <div className="grid gap-1 sm:col-span-2">
          <Label htmlFor={`${id}-autoResolve`}>When every alert of an incident this source opened has resolved</Label>
          <NativeSelect id={`${id}-autoResolve`} name="autoResolve" defaultValue={source.autoResolve} {...errors.inputProps("autoResolve")}>
            {alertAutoResolveModes.map((mode) => (
              <option key={mode} value={mode}>
                {autoResolveChoices[mode]}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="autoResolve" />
        </div>
      </div>
      {source.hasHmac ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isRemovingSecret} onChange={(event) => setRemovingSecret(event.target.checked)} /> Remove the HMAC secret (use the bearer token again)
        </label>
      ) : null}
      {errors.message ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
