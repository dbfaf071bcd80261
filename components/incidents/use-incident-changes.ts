"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/client";

/**
 * Keeps an incident's data current: an SSE subscription that resumes after the last event seen and
 * refreshes the incident, its timeline, who is looking and its runbooks, whenever anything about it changes.
 */
export function useIncidentChanges(incidentId: string, afterSeq: number | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSubscription(
    trpc.incidents.onEvents.subscriptionOptions(
      { incidentId, lastEventId: afterSeq ?? 0 },
      {
        enabled: afterSeq !== undefined,
        onData: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ incidentId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.incidents.viewers.queryKey({ incidentId }) });
          // Run mode: another responder's tick, note or attached runbook or alert is an incident event too.
          void queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
        },
      },
    ),
  );
}
