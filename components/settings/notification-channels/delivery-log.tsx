"use client";

// A channel's latest deliveries, each with its attempts (when, status code, how long, the start of the
// answer or what went wrong) and "Redeliver", which sends it again under the same webhook-id.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import { type DeliveryStatus, deliveryStatusLabels } from "@/lib/notification-channels";
import { outgoingEventLabels, type OutgoingEventType } from "@/lib/outgoing-events";
import { formatDateTime } from "@/lib/time-format";
import { errorMessage } from "@/lib/trpc/error-message";

export const statusVariant: Record<DeliveryStatus, BadgeVariant> = { pending: "secondary", delivered: "success", failed: "destructive" };
const typeLabel = (type: string) => (type === "test" ? "Test message" : (outgoingEventLabels[type as OutgoingEventType] ?? type));

export function DeliveryLog({ channelId, channelName }: { channelId: string; channelName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const log = useQuery(trpc.notificationChannels.deliveries.queryOptions({ id: channelId }));
  const redeliver = useMutation(
    trpc.notificationChannels.redeliver.mutationOptions({
      onSuccess: () => toast.success("Queued to be sent again with the same webhook-id."),
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.notificationChannels.pathKey() }),
    }),
  );
  if (log.isPending) return <Spinner label={`Loading deliveries of ${channelName}`} />;
  if (log.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {errorMessage(log.error)}
      </p>
    );
  if (log.data.length === 0) return <p className="text-sm text-muted-foreground">Nothing has been sent to this channel yet.</p>;
  return (
    <ol className="grid min-w-0 gap-2" aria-label={`Deliveries to ${channelName}`}>
      {log.data.map((delivery) => (
        <li key={delivery.id} className="grid min-w-0 gap-2 rounded-md border border-border p-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={statusVariant[delivery.status]}>{deliveryStatusLabels[delivery.status]}</Badge>
            <span className="font-medium">{typeLabel(delivery.type)}</span>
            <time className="text-muted-foreground" dateTime={delivery.createdAt.toISOString()}>
              {formatDateTime(delivery.createdAt)}
            </time>
            <code className="text-xs break-all text-muted-foreground">{delivery.id}</code>
            <Button
              type="button"
              size="sm"
              variant="outline"
              className="ml-auto"
              disabled={redeliver.isPending}
              aria-label={`Redeliver ${typeLabel(delivery.type)} of ${formatDateTime(delivery.createdAt)}`}
              onClick={() => redeliver.mutate({ deliveryId: delivery.id })}
            >
              Redeliver
            </Button>
          </div>
          {delivery.attemptLog.length > 0 ? (
            <ul className="grid gap-1" aria-label="Attempts">
              {delivery.attemptLog.map((attempt) => (
                <li key={attempt.attemptedAt.toISOString()} className="grid min-w-0 gap-1 border-l-2 border-border pl-2">
                  <span>
                    {formatDateTime(attempt.attemptedAt)} · {attempt.statusCode ? `HTTP ${attempt.statusCode}` : "No answer"} · {attempt.durationMs} ms
                    {attempt.error ? ` · ${attempt.error}` : ""}
                  </span>
                  {attempt.response ? (
                    <pre tabIndex={0} aria-label="Start of the answer" className="max-h-32 max-w-full overflow-auto rounded bg-muted p-1 text-xs whitespace-pre-wrap break-all">
                      {attempt.response}
                    </pre>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted-foreground">{delivery.nextAttemptAt ? `Next attempt ${formatDateTime(delivery.nextAttemptAt)}` : "Not attempted yet."}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
