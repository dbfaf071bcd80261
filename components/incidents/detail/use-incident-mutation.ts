"use client";

import { useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

/**
 * Shared callbacks for incident mutations: a success toast, and on failure the server's message.
 * The change itself reaches this page like every other page, through the live stream (no refetch);
 * only on a version conflict does the page reload the incident, so the person sees what changed.
 */
export function useIncidentMutationCallbacks(incidentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ incidentId }) }), queryClient.invalidateQueries({ queryKey: trpc.incidents.timeline.pathKey() })]);
  };
  // A form that shows field errors beside its fields passes `showFields`; the toast then says only
  // what no field of that form could show.
  return (success: string, showFields?: (failure: unknown) => string[]) => ({
    onSuccess: async (result: unknown) => {
      toast.success(success);
      // Take the new version at once: a next click must not wait for the refetch, or it would be stale.
      const version = (result as { version?: unknown } | undefined)?.version;
      if (typeof version === "number") {
        queryClient.setQueryData(trpc.incidents.get.queryKey({ incidentId }), (current) => (current ? { ...current, version: Math.max(version, current.version) } : current));
      }
    },
    onError: async (error: unknown) => {
      if (showFields && showFields(error).length > 0) return;
      const isConflict = (error as { data?: { code?: string } }).data?.code === "CONFLICT";
      toast.error(errorMessage(error), { duration: isConflict ? 10_000 : 6_000 });
      if (isConflict) await refresh();
    },
  });
}
