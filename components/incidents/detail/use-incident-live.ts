"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/lib/trpc/client";

const PING_EVERY_MS = 10_000;

/**
 * Keeps an incident page current: an SSE subscription that resumes after the last event seen,
 * plus a presence ping. Every message refreshes the incident and its timeline from the server.
 */
export function useIncidentLive(incidentId: string, startAfterSeq: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Fixed at first load: after that the link tracks the last event id itself on reconnect.
  const [afterSeq] = useState(startAfterSeq);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ incidentId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.incidents.viewers.queryKey({ incidentId }) });
  };
  const subscription = useSubscription(
    trpc.incidents.onEvents.subscriptionOptions({ incidentId, lastEventId: afterSeq }, { onData: refresh }),
  );

  const ping = useMutation(trpc.incidents.ping.mutationOptions());
  const { mutate } = ping;
  useEffect(() => {
    mutate({ incidentId });
    const timer = setInterval(() => mutate({ incidentId }), PING_EVERY_MS);
    return () => clearInterval(timer);
  }, [incidentId, mutate]);

  return { connection: subscription.status };
}
