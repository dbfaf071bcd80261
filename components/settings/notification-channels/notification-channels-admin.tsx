"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { AllowHostsEditor } from "./allow-hosts-editor";
import { ChannelCard } from "./channel-card";
import { ChannelForm } from "./channel-form";
import { SecretNotice, type ShownSecret } from "./secret-notice";

export function NotificationChannelsAdmin() {
  const trpc = useTRPC();
  const channels = useQuery(trpc.notificationChannels.list.queryOptions());
  const [isAdding, setAdding] = useState(false);
  // The secret exists in the browser only until this page is left: the server keeps it sealed.
  const [shown, setShown] = useState<ShownSecret | null>(null);
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4">
      <div>
        <Button type="button" aria-expanded={isAdding} onClick={() => setAdding(!isAdding)}>
          New channel
        </Button>
      </div>
      {isAdding ? <ChannelForm channel={null} onDone={() => setAdding(false)} onSecret={setShown} /> : null}
      {shown ? <SecretNotice shown={shown} onDismiss={() => setShown(null)} /> : null}
      {channels.isPending ? <Spinner label="Loading notification channels" /> : null}
      {channels.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(channels.error)}
        </p>
      ) : null}
      {channels.data?.length === 0 ? <p className="text-sm text-muted-foreground">No channels yet. Add one to tell Slack, Teams, a list or your own systems when incidents happen.</p> : null}
      <ul className="grid min-w-0 grid-cols-1 gap-4" aria-label="Notification channels">
        {channels.data?.map((channel) => (
          <li key={channel.id} className="min-w-0">
            <ChannelCard channel={channel} onSecret={setShown} />
          </li>
        ))}
      </ul>
      <AllowHostsEditor />
    </div>
  );
}
