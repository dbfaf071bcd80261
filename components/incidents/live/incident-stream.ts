"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import { applyIncidentMessage } from "./apply-message";

export type StreamStatus = { connection: "connecting" | "live" | "reconnecting"; isDatabaseReachable: boolean };

type Stream = { users: number; status: StreamStatus; stop: () => void };
type Deps = { client: ReturnType<typeof useTRPCClient>; queryClient: ReturnType<typeof useQueryClient>; trpc: ReturnType<typeof useTRPC> };

const RETRY_MAX_MS = 30_000;

/**
 * The link resumes a dropped connection by itself. A stream the server ended (it fell too far
 * behind, or the incident vanished) is opened again after the last event the cache holds, with
 * backoff; "not found" stops it, and the page's own query then shows why.
 */
function openStream(incidentId: string, afterSeq: number, { client, queryClient, trpc }: Deps): Stream {
  const stream: Stream = { users: 0, status: idle, stop: () => {} };
  const incidentKey = trpc.incidents.get.queryKey({ incidentId });
  let attempt = 0;
  let isStopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let subscription: { unsubscribe(): void } | undefined;
  const retry = () => {
    if (isStopped) return;
    setStatus(incidentId, stream, { connection: "reconnecting" });
    retryTimer = setTimeout(() => connect(queryClient.getQueryData(incidentKey)?.lastEventSeq ?? afterSeq), Math.min(RETRY_MAX_MS, 1_000 * 2 ** attempt++));
  };
  const connect = (lastEventId: number) => {
    subscription = client.incidents.onEvents.subscribe(
      { incidentId, lastEventId },
      {
        onData(value) {
          attempt = 0;
          const message = "data" in value && "id" in value ? value.data : value;
          if (message.type === "database") setStatus(incidentId, stream, { isDatabaseReachable: message.isReachable });
          applyIncidentMessage(queryClient, trpc, incidentId, message);
        },
        onConnectionStateChange(state) {
          const connection = state.state === "pending" ? "live" : stream.status.connection === "connecting" ? "connecting" : "reconnecting";
          setStatus(incidentId, stream, { connection });
        },
        onError(error) {
          if (error.data?.code !== "NOT_FOUND") return retry();
          isStopped = true;
          void queryClient.invalidateQueries({ queryKey: incidentKey, exact: true });
        },
        onComplete: retry,
      },
    );
  };
  connect(afterSeq);
  stream.stop = () => {
    isStopped = true;
    clearTimeout(retryTimer);
    subscription?.unsubscribe();
  };
  return stream;
}

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
 * stream opens once it is known and then never reopens for later values.
 */
export function useIncidentStream(incidentId: string, afterSeq: number | undefined): StreamStatus {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const isReady = afterSeq !== undefined && incidentId !== "";

  useEffect(() => {
    if (!isReady) return;
    let stream = streams.get(incidentId);
    if (!stream) streams.set(incidentId, (stream = openStream(incidentId, afterSeq, { client, queryClient, trpc })));
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
  return useSyncExternalStore(
    subscribe,
    () => streams.get(incidentId)?.status ?? idle,
    () => idle,
  );
}
