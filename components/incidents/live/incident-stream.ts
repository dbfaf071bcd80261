"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client";
import { applyIncidentMessage } from "./apply-message";

export type StreamStatus = { connection: "connecting" | "live" | "reconnecting"; isDatabaseReachable: boolean };

type Stream = { users: number; status: StreamStatus; stop: () => void };

// One stream per incident per tab, however many components show that incident (the page, its
// post-mortem's facts and timeline blocks): they share it, and it closes with the last of them.
const streams = new Map<string, Stream>();
const statusListeners = new Map<string, Set<() => void>>();
const idle: StreamStatus = { connection: "connecting", isDatabaseReachable: true };

function setStatus(incidentId: string, stream: Stream, status: Partial<StreamStatus>) {
  stream.status = { ...stream.status, ...status };
  for (const listener of statusListeners.get(incidentId) ?? []) listener();
}

/**
 * Keeps an incident's cached data live. `afterSeq` is the last event the page already holds; the
 * stream opens once it is known and then never reopens for later values (the link itself resumes
 * after the last event it received when the connection drops).
 */
export function useIncidentStream(incidentId: string, afterSeq: number | undefined): StreamStatus {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const isReady = afterSeq !== undefined && incidentId !== "";

  useEffect(() => {
    if (!isReady) return;
    let stream = streams.get(incidentId);
    if (!stream) {
      const opened: Stream = { users: 0, status: idle, stop: () => {} };
      const subscription = client.incidents.onEvents.subscribe(
        { incidentId, lastEventId: afterSeq },
        {
          onData(value) {
            const message = "data" in value && "id" in value ? value.data : value;
            if (message.type === "database") setStatus(incidentId, opened, { isDatabaseReachable: message.isReachable });
            applyIncidentMessage(queryClient, trpc, incidentId, message);
          },
          onConnectionStateChange(state) {
            const connection = state.state === "pending" ? "live" : opened.status.connection === "connecting" ? "connecting" : "reconnecting";
            setStatus(incidentId, opened, { connection });
          },
        },
      );
      opened.stop = () => subscription.unsubscribe();
      streams.set(incidentId, (stream = opened));
    }
    const shared = stream;
    shared.users += 1;
    return () => {
      shared.users -= 1;
      if (shared.users > 0) return;
      shared.stop();
      if (streams.get(incidentId) === shared) streams.delete(incidentId);
    };
    // afterSeq only matters for opening: a later value must not reopen the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incidentId, isReady, client, queryClient, trpc]);

  const subscribe = useCallback(
    (listener: () => void) => {
      const listeners = statusListeners.get(incidentId) ?? new Set();
      statusListeners.set(incidentId, listeners.add(listener));
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) statusListeners.delete(incidentId);
      };
    },
    [incidentId],
  );
  return useSyncExternalStore(subscribe, () => streams.get(incidentId)?.status ?? idle, () => idle);
}
