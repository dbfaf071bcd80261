"use client";

// One channel: what it sends where (by hint only), whether it works, and its actions. "Send test"
// sends in the request and says plainly what the receiver did, or why nothing reached it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { ConfirmButton } from "@/components/settings/alert-sources/confirm-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/components/trpc/client";
import { channelKindLabels, deliveryStatusLabels } from "@/lib/notification-channels";
import { outgoingEventLabels } from "@/lib/outgoing-events";
import { formatDateTime } from "@/lib/time-format";
import { errorMessage } from "@/lib/trpc/error-message";
import { type Channel, ChannelForm } from "./channel-form";
import { DeliveryLog, statusVariant } from "./delivery-log";
import type { ShownSecret } from "./secret-notice";

export function ChannelCard({ channel, onSecret }: { channel: Channel; onSecret: (shown: ShownSecret) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const [isLogOpen, setLogOpen] = useState(false);
  const [testOutcome, setTestOutcome] = useState<{ isOk: boolean; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notificationChannels.pathKey() });
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const sendTest = useMutation(
    trpc.notificationChannels.sendTest.mutationOptions({
      onMutate: () => setTestOutcome(null),
      onSuccess: ({ message }) => setTestOutcome({ isOk: true, text: message }),
      onError: (error) => setTestOutcome({ isOk: false, text: errorMessage(error) }),
      onSettled: refresh,
    }),
  );
  const rotate = useMutation(
    trpc.notificationChannels.rotateSecret.mutationOptions({ onSuccess: ({ secret }) => secret && onSecret({ channelId: channel.id, name: channel.name, secret }), onError, onSettled: refresh }),
  );
  const enable = useMutation(trpc.notificationChannels.enable.mutationOptions({ onError, onSettled: refresh }));
  const disable = useMutation(trpc.notificationChannels.disable.mutationOptions({ onError, onSettled: refresh }));
  const remove = useMutation(trpc.notificationChannels.delete.mutationOptions({ onSuccess: () => toast.success(`Channel ${channel.name} deleted.`), onError, onSettled: refresh }));
  const logId = `channel-log-${channel.id}`;

  return (
    <Card className="grid min-w-0 gap-3 p-4" aria-labelledby={`channel-name-${channel.id}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`channel-name-${channel.id}`} className="font-semibold break-words">
          {channel.name}
        </h3>
        <Badge variant="outline">{channelKindLabels[channel.kind]}</Badge>
        {channel.isEnabled ? <Badge variant="success">Enabled</Badge> : <Badge variant="destructive">Disabled</Badge>}
        {channel.includePrivate ? <Badge variant="warning">Private incidents</Badge> : null}
      </div>
      <dl className="grid min-w-0 gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="text-muted-foreground">Sends to</dt>
        <dd className="min-w-0 break-all">
          <code>{channel.targetHint}</code>
        </dd>
        <dt className="text-muted-foreground">Events</dt>
        <dd>{channel.eventTypes.map((type) => outgoingEventLabels[type]).join(", ")}</dd>
        <dt className="text-muted-foreground">Last delivery</dt>
        <dd>
          {channel.lastDelivery ? (
            <span className="inline-flex flex-wrap items-center gap-2">
              <Badge variant={statusVariant[channel.lastDelivery.status]}>{deliveryStatusLabels[channel.lastDelivery.status]}</Badge>
              {formatDateTime(channel.lastDelivery.at)}
            </span>
          ) : (
            "None yet"
          )}
        </dd>
        {!channel.isEnabled && channel.disabledReason ? (
          <>
            <dt className="text-muted-foreground">Disabled because</dt>
            <dd>{channel.disabledReason}</dd>
          </>
        ) : null}
        {channel.failingSince ? (
          <>
            <dt className="text-muted-foreground">Failing since</dt>
            <dd>{formatDateTime(channel.failingSince)}</dd>
          </>
        ) : null}
        {channel.previousSecretExpiresAt ? (
          <>
            <dt className="text-muted-foreground">Old secret signs until</dt>
            <dd>{formatDateTime(channel.previousSecretExpiresAt)}</dd>
          </>
        ) : null}
      </dl>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={() => sendTest.mutate({ id: channel.id })} disabled={sendTest.isPending} aria-label={`Send test to ${channel.name}`}>
          {sendTest.isPending ? "Sending…" : "Send test"}
        </Button>
        <Button type="button" size="sm" variant="outline" aria-expanded={isEditing} onClick={() => setEditing(!isEditing)} aria-label={`Edit ${channel.name}`}>
          Edit
        </Button>
        <Button type="button" size="sm" variant="outline" aria-expanded={isLogOpen} aria-controls={logId} onClick={() => setLogOpen(!isLogOpen)} aria-label={`Delivery log of ${channel.name}`}>
          Delivery log
        </Button>
        {channel.isEnabled ? (
          <Button type="button" size="sm" variant="outline" disabled={disable.isPending} onClick={() => disable.mutate({ id: channel.id })} aria-label={`Disable ${channel.name}`}>
            Disable
          </Button>
        ) : (
          <Button type="button" size="sm" variant="outline" disabled={enable.isPending} onClick={() => enable.mutate({ id: channel.id })} aria-label={`Enable ${channel.name}`}>
            Enable
          </Button>
        )}
        {channel.hasSecret ? (
          <ConfirmButton
            label="Rotate secret"
            accessibleLabel={`Rotate the signing secret of ${channel.name}`}
            title={`Rotate the signing secret of ${channel.name}?`}
            description="A new secret is shown once. For 24 hours every request is signed with both the old and the new secret, so the receiver can switch without missing anything."
            confirm="Rotate secret"
            isPending={rotate.isPending}
            onConfirm={() => rotate.mutateAsync({ id: channel.id })}
          />
        ) : null}
        <ConfirmButton
          label="Delete"
          accessibleLabel={`Delete ${channel.name}`}
          title={`Delete ${channel.name}?`}
          description="Nothing more is sent to it. Its delivery log is kept for the audit trail."
          confirm="Delete channel"
          isDestructive
          isPending={remove.isPending}
          onConfirm={() => remove.mutateAsync({ id: channel.id })}
        />
      </div>
      {testOutcome ? (
        <p role={testOutcome.isOk ? "status" : "alert"} className={testOutcome.isOk ? "text-sm text-success" : "text-sm text-destructive"}>
          {testOutcome.text}
        </p>
      ) : null}
      {isEditing ? <ChannelForm channel={channel} onDone={() => setEditing(false)} onSecret={onSecret} /> : null}
      {isLogOpen ? (
        <section id={logId} aria-label={`Delivery log of ${channel.name}`} className="grid min-w-0 gap-2">
          <DeliveryLog channelId={channel.id} channelName={channel.name} />
        </section>
      ) : null}
    </Card>
  );
}
