"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/trpc/client";
import { sseEvents } from "@/lib/live/sse-events";
import { transformer } from "@/lib/trpc/transformer";
import type { IncidentFeedMessage } from "@/server/live/messages";
import { applyIncidentMessage } from "./apply-message";

export type StreamStatus = { connection: "connecting" | "live" | "reconnecting"; isDatabaseReachable: boolean };

type Stream = { users: number; status: StreamStatus; stop: () => void };
type Deps = { queryClient: ReturnType<typeof useQueryClient>; trpc: ReturnType<typeof useTRPC> };

const RETRY_MAX_MS = 30_000;
// The server pings every 15 s: a stream silent for longer than this is dead (a sleeping laptop, a
// proxy that dropped it without closing) and is opened again.
const INACTIVITY_MS = 40_000;

/** The live feed's address (server/http/live-endpoint.ts), resuming after the event `afterSeq`. */
export const liveFeedUrl = (incidentId: string, afterSeq: number) => `/api/live/incidents/${encodeURIComponent(incidentId)}?after=${afterSeq}`;

/**
 * Reads the incident's server-sent events and applies each message to the cache. A drop, a server
 * error or an ended stream opens it again after the last event the cache holds, with backoff; "not
 * found" (deleted, or no longer visible) stops it, and the page's own query then shows why.
 */
function openStream(incidentId: string, afterSeq: number, { queryClient, trpc }: Deps): Stream {
  const stream: Stream = { users: 0, status: idle, stop: () => {} };
  const incidentKey = trpc.incidents.get.queryKey({ incidentId });
  let attempt = 0;
  let isStopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let connection: AbortController | undefined;
  const retry = () => {
    if (isStopped) return;
    setStatus(incidentId, stream, { connection: "reconnecting" });
    retryTimer = setTimeout(() => void connect(queryClient.getQueryData(incidentKey)?.lastEventSeq ?? afterSeq), Math.min(RETRY_MAX_MS, 1_000 * 2 ** attempt++));
  };
  const connect = async (lastSeq: number) => {
    const current = (connection = new AbortController());
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const stillAlive = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => current.abort(), INACTIVITY_MS);
    };
    try {
      stillAlive();
      const response = await fetch(liveFeedUrl(incidentId, lastSeq), { headers: { accept: "text/event-stream" }, cache: "no-store", signal: current.signal });
      if (response.status === 404) {
        isStopped = true;
        void queryClient.invalidateQueries({ queryKey: incidentKey, exact: true });
        return;
      }
      if (!response.ok || !response.body) return;
      for await (const event of sseEvents(response.body, stillAlive)) {
        if (event.event === "connected") {
          attempt = 0;
          setStatus(incidentId, stream, { connection: "live" });
        } else if (event.event === "message") {
          const message = transformer.deserialize(JSON.parse(event.data)) as IncidentFeedMessage;
          if (message.type === "database") setStatus(incidentId, stream, { isDatabaseReachable: message.isReachable });
          applyIncidentMessage(queryClient, trpc, incidentId, message);
        }
      }
    } catch {
      // A network drop or the watchdog: opened again below, like an ended stream.
    } finally {
      clearTimeout(watchdog);
      if (connection === current && !current.signal.aborted) current.abort();
      if (connection === current) retry();
    }
  };
  void connect(afterSeq);
  stream.stop = () => {
    isStopped = true;
    clearTimeout(retryTimer);
    connection?.abort();
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
  const queryClient = useQueryClient();
  const isReady = afterSeq !== undefined && incidentId !== "";

  useEffect(() => {
    if (!isReady) return;
    let stream = streams.get(incidentId);
    if (!stream) streams.set(incidentId, (stream = openStream(incidentId, afterSeq, { queryClient, trpc })));
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
  }, [incidentId, isReady, queryClient, trpc]);

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
