"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import type { AlertAutoResolveMode } from "@/lib/alert-routing-labels";
import { alertSourceKindLabels, type AlertSourceKind } from "@/lib/alerts";
import { errorMessage } from "@/lib/trpc/error-message";
import { AlertSourceSettings } from "./alert-source-settings";
import { ConfirmButton } from "./confirm-button";
import { CopyField } from "./copy-field";

export type AlertSourceView = {
  id: string;
  name: string;
  kind: AlertSourceKind;
  url: string;
  tokenPrefix: string;
  hasHmac: boolean;
  hmacHeader: string;
  timestampHeader: string;
  toleranceSeconds: number;
  rateLimitPerMinute: number;
  autoResolve: AlertAutoResolveMode;
  isEnabled: boolean;
};

// Snippets carry this placeholder; while the page still holds the token, it is filled in.
const TOKEN_PLACEHOLDER = "<TOKEN>";

export function AlertSourceCard({ source, token, onToken }: { source: AlertSourceView; token: string | null; onToken: (token: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const detail = useQuery({ ...trpc.alertSources.get.queryOptions({ id: source.id }), enabled: isOpen });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.alertSources.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const sendTest = useMutation(trpc.alertSources.sendTest.mutationOptions({ onSuccess: ({ message }) => toast.success(message), onError, onSettled: refresh }));
  const rotate = useMutation(trpc.alertSources.rotateToken.mutationOptions({ onSuccess: (result) => onToken(result.token), onError, onSettled: refresh }));
  const toggle = useMutation(
    trpc.alertSources.update.mutationOptions({
      onSuccess: (next) => toast.success(next.isEnabled ? `${next.name} is receiving alerts.` : `${next.name} is off: its address answers 404.`),
      onError,
      onSettled: refresh,
    }),
  );
  const remove = useMutation(trpc.alertSources.delete.mutationOptions({ onSuccess: () => toast.success(`${source.name} deleted. Its alerts stay.`), onError, onSettled: refresh }));
  const fill = (snippet: string) => (token ? snippet.replaceAll(TOKEN_PLACEHOLDER, token) : snippet);
  const detailsId = `alert-source-${source.id}-setup`;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3" className="flex flex-wrap items-center gap-2">
          {source.name} {source.isEnabled ? <Badge variant="outline">On</Badge> : <Badge variant="secondary">Off</Badge>}
        </CardTitle>
        <CardDescription>
          {alertSourceKindLabels[source.kind]} · token {source.tokenPrefix}… · {source.hasHmac ? "HMAC signature required" : "bearer token"} · up to {source.rateLimitPerMinute.toLocaleString("en")}{" "}
          requests a minute
        </CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-3">
        <CopyField label={`Address of ${source.name}`} value={source.url} />
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="outline" aria-expanded={isOpen} aria-controls={detailsId} onClick={() => setOpen(!isOpen)}>
            {isOpen ? "Hide setup" : "Setup and settings"}
          </Button>
          <Button type="button" size="sm" variant="outline" disabled={sendTest.isPending || !source.isEnabled} onClick={() => sendTest.mutate({ id: source.id })}>
            {sendTest.isPending ? "Sending…" : "Send a test alert"}
          </Button>
          <Button type="button" size="sm" variant="outline" disabled={toggle.isPending} onClick={() => toggle.mutate({ id: source.id, isEnabled: !source.isEnabled })}>
            {source.isEnabled ? "Turn off" : "Turn on"}
          </Button>
          <ConfirmButton
            label="Rotate token"
            title={`Rotate the token of ${source.name}?`}
            description="A new token replaces the current one at once: senders still using the old one are refused until you give them the new one."
            confirm="Rotate token"
            isPending={rotate.isPending}
            onConfirm={() => rotate.mutateAsync({ id: source.id })}
          />
          <ConfirmButton
            label="Delete"
            accessibleLabel={`Delete ${source.name}`}
            title={`Delete ${source.name}?`}
            description="Its address stops accepting alerts. Alerts it already delivered stay."
            confirm="Delete source"
            isDestructive
            isPending={remove.isPending}
            onConfirm={() => remove.mutateAsync({ id: source.id })}
          />
        </div>
        {isOpen ? (
          <div id={detailsId} className="grid grid-cols-1 gap-4">
            {detail.isPending ? <Spinner label="Loading setup" /> : null}
            {detail.isError ? (
              <p role="alert" className="text-sm text-destructive">
                {errorMessage(detail.error)}
              </p>
            ) : null}
            {detail.data ? (
              <>
                <p className="text-sm text-muted-foreground">
                  {detail.data.alertCount.toLocaleString("en")} alert{detail.data.alertCount === 1 ? "" : "s"} received.{" "}
                  {token ? "The snippets below hold the new token." : `Replace ${TOKEN_PLACEHOLDER} with the token you copied when the source was added (or rotate it for a new one).`}
                </p>
                {source.kind === "alertmanager" ? <CopyField isBlock label="alertmanager.yml receiver" value={fill(detail.data.config.alertmanager)} /> : null}
                {source.kind === "grafana" ? <CopyField isBlock label="Grafana contact point" value={fill(detail.data.config.grafana)} /> : null}
                <CopyField isBlock label="Test with curl" value={fill(detail.data.config.curl)} />
              </>
            ) : null}
            <AlertSourceSettings source={source} onSaved={refresh} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
