// One live watcher of an incident, as a browser tab is: the live SSE feed read over fetch, resumed
// after the last event id seen after a drop (as components/incidents/live/incident-stream.ts does). It records which
// notes arrived and when, without assuming anything about the shape of the stream's messages.
import { sseEvents } from "@/lib/live/sse-events";
import { transformer } from "@/lib/trpc/transformer";
import { describeFailure } from "./fanout-load";

const MARKER = /fanout:(\d+):(\d+)/g;
const RETRY_MS = 1000;

/** Note markers anywhere in a parsed message: the stream's message shape is free to change. */
export function markersIn(value: unknown, found: Map<number, number> = new Map()): Map<number, number> {
  if (typeof value === "string") {
    for (const match of value.matchAll(MARKER)) found.set(Number(match[1]), Number(match[2]));
  } else if (Array.isArray(value)) {
    for (const item of value) markersIn(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) markersIn(item, found);
  }
  return found;
}

export type Subscriber = {
  /** Note index → how many messages carried it (more than one is a duplicate). */
  received: Map<number, number>;
  /** Note indexes in the order they first arrived. */
  arrivals: number[];
  /** Date.now() of each note's first arrival. */
  receivedAt: Map<number, number>;
  /** Resolves at the stream's first `connected` event (or when the run is stopped first). */
  connected: Promise<boolean>;
  isConnected(): boolean;
  /** Data messages of any kind received so far. */
  messages: number;
  reconnects: number;
  endedByServer: boolean;
  errors: string[];
};

type SubscribeOptions = { baseUrl: string; cookie: string; incidentId: string; signal: AbortSignal; onFirstArrival: (latencyMs: number) => void };

export function subscribe(options: SubscribeOptions): Subscriber {
  let markConnected: (ok: boolean) => void = () => {};
  let isConnected = false;
  const subscriber: Subscriber = {
    received: new Map(),
    arrivals: [],
    receivedAt: new Map(),
    connected: new Promise<boolean>((resolve) => (markConnected = resolve)),
    isConnected: () => isConnected,
    messages: 0,
    reconnects: 0,
    endedByServer: false,
    errors: [],
  };
  options.signal.addEventListener("abort", () => markConnected(false), { once: true });
  let lastEventId: string | null = null;

  const record = (payload: string) => {
    const now = Date.now();
    subscriber.messages++;
    let parsed: unknown;
    try {
      parsed = transformer.deserialize(JSON.parse(payload));
    } catch {
      subscriber.errors.push(`unparsable message: ${payload.slice(0, 120)}`);
      return;
    }
    for (const [index, sentAt] of markersIn(parsed)) {
      const count = subscriber.received.get(index) ?? 0;
      subscriber.received.set(index, count + 1);
      if (count > 0) continue;
      subscriber.arrivals.push(index);
      subscriber.receivedAt.set(index, now);
      options.onFirstArrival(now - sentAt);
    }
  };

  const attempt = async (): Promise<"ended" | "dropped"> => {
    // As the page resumes: after the last event id seen, so the server continues right after it.
    const url = `${options.baseUrl}/api/live/incidents/${options.incidentId}${lastEventId ? `?after=${lastEventId}` : ""}`;
    const response = await fetch(url, { headers: { cookie: options.cookie, accept: "text/event-stream" }, signal: options.signal });
    if (response.status !== 200 || !response.body) {
      subscriber.errors.push(`HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      return "dropped";
    }
    for await (const event of sseEvents(response.body)) {
      if (event.id) lastEventId = event.id;
      if (event.event === "connected") {
        isConnected = true;
        markConnected(true);
      } else if (event.event === "message") {
        record(event.data);
      } else if (event.event === "ended") {
        if (!event.data.includes('"RETURN"')) subscriber.errors.push(`stream error: ${event.data.slice(0, 200)}`);
        return "ended";
      }
    }
    return "dropped";
  };

  void (async () => {
    while (!options.signal.aborted) {
      try {
        if ((await attempt()) === "ended") {
          subscriber.endedByServer = true;
          break;
        }
      } catch (error) {
        if (options.signal.aborted) break;
        subscriber.errors.push(describeFailure(error));
      }
      isConnected = false;
      if (options.signal.aborted) break;
      subscriber.reconnects++;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    isConnected = false;
    markConnected(false);
  })();
  return subscriber;
}
