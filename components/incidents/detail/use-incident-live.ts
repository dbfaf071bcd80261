"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentChanges } from "../use-incident-changes";

const PING_EVERY_MS = 10_000;

/** The incident page: live changes (resuming after the last event seen) plus a presence ping. */
export function useIncidentLive(incidentId: string, startAfterSeq: number) {
  const trpc = useTRPC();
  // Fixed at first load: after that the link tracks the last event id itself on reconnect.
  const [afterSeq] = useState(startAfterSeq);
  const subscription = useIncidentChanges(incidentId, afterSeq);
  const { mutate } = useMutation(trpc.incidents.ping.mutationOptions());
  useEffect(() => {
    mutate({ incidentId });
    const timer = setInterval(() => mutate({ incidentId }), PING_EVERY_MS);
    return () => clearInterval(timer);
  }, [incidentId, mutate]);
  return { connection: subscription.status };
}
