"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/lib/trpc/client";

/** Refreshes a block's incident data whenever the incident changes (a highlight, a correction, a status). */
export function useIncidentChanges(incidentId: string, afterSeq: number | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useSubscription(
    trpc.incidents.onEvents.subscriptionOptions(
      { incidentId, lastEventId: afterSeq ?? 0 },
      {
        enabled: afterSeq !== undefined,
        onData: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ incidentId }) });
          void queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() });
        },
      },
    ),
  );
}
