// One LISTEN connection per process for NOTIFY channels, kept alive across database restarts.
import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";
import { noteListenerState } from "./unreachable";

type Handler = (payload: string) => void;
export type ListenerState = "up" | "down";

export type Listener = {
  /**
   * Resolves once the channel is registered with the database (or, while it is unreachable, at once:
   * it is registered on reconnection and `onState("up")` follows). Handlers are kept synchronously, so
   * subscribers arriving together all hear the channel; channels stay registered for the process's
   * life (they are few), so an unsubscribe can never silence the others.
   */
  listen(channel: string, handler: Handler): Promise<() => void>;
  /** Told when the connection is lost and when it is back with every channel registered again. */
  onState(handler: (state: ListenerState) => void): () => void;
  readonly state: ListenerState;
  close(): Promise<void>;
};

const quote = (channel: string) => `"${channel.replaceAll('"', "")}"`;

function createRegistry() {
  const handlers = new Map<string, Set<Handler>>();
  const stateHandlers = new Set<(state: ListenerState) => void>();
  return {
    handlers,
    dispatch(channel: string, payload: string) {
      for (const handler of handlers.get(channel) ?? []) {
        try {
          handler(payload);
        } catch {
          // One subscriber's failure must not stop the others from hearing.
        }
      }
    },
    add(channel: string, handler: Handler): { isNewChannel: boolean; remove: () => void } {
      let set = handlers.get(channel);
      const isNewChannel = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(handler);
      return { isNewChannel, remove: () => void set.delete(handler) };
    },
    stateHandlers,
    announce(state: ListenerState) {
      for (const handler of stateHandlers) handler(state);
    },
  };
}

const BACKOFF_START_MS = 200;
// Capped low: after a failover, watchers must hear again within seconds of the database's return.
const BACKOFF_MAX_MS = 2_000;

/**
 * PostgreSQL: a dedicated client (not from the pool, so it never competes with queries), watched for
 * `error`/`end`. On loss it is replaced with exponential backoff and jitter, every channel is LISTENed
 * again, then "up" is announced so feeds catch up from their last sequence number.
 */
export function createPostgresListener(connect: () => Promise<Client>): Listener {
  const registry = createRegistry();
  let client: Client | null = null;
  let state: ListenerState = "down";
  let connecting: Promise<void> | null = null;
  let isClosed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const lose = (lost: Client) => {
    if (client !== lost) return;
    client = null;
    lost.removeAllListeners("notification");
    lost.end().catch(() => {});
    if (state === "up") {
      state = "down";
      noteListenerState("down");
      registry.announce("down");
    }
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (isClosed || retryTimer) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void ensureConnected();
    }, delay);
    retryTimer.unref?.();
  };

  const ensureConnected = (): Promise<void> => {
    if (client || isClosed) return Promise.resolve();
    connecting ??= (async () => {
      let fresh: Client | null = null;
      try {
        fresh = await connect();
        const connected = fresh;
        connected.on("error", () => lose(connected));
        connected.on("end", () => lose(connected));
        connected.on("notification", (message) => registry.dispatch(message.channel, message.payload ?? ""));
        for (const channel of registry.handlers.keys()) await connected.query(`LISTEN ${quote(channel)}`);
        client = connected;
        attempt = 0;
        state = "up";
        noteListenerState("up");
        registry.announce("up");
      } catch {
        fresh?.end().catch(() => {});
        scheduleReconnect();
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  return {
    get state() {
      return state;
    },
    async listen(channel, handler) {
      const { isNewChannel, remove } = registry.add(channel, handler);
      if (!client) await ensureConnected();
      // A channel added while connecting was either in the loop above or needs its own LISTEN.
      else if (isNewChannel) await client.query(`LISTEN ${quote(channel)}`).catch(() => client && lose(client));
      return remove;
    },
    onState(handler) {
      registry.stateHandlers.add(handler);
      return () => void registry.stateHandlers.delete(handler);
    },
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/** PGlite lives in this process: its connection cannot be lost, only registration must be race-free. */
export function createPgliteListener(pglite: PGlite): Listener {
  const registry = createRegistry();
  const registered = new Map<string, Promise<unknown>>();
  return {
    state: "up",
    async listen(channel, handler) {
      const { remove } = registry.add(channel, handler);
      let ready = registered.get(channel);
      if (!ready) registered.set(channel, (ready = pglite.listen(channel, (payload) => registry.dispatch(channel, payload))));
      await ready;
      return remove;
    },
    onState(handler) {
      registry.stateHandlers.add(handler);
      return () => void registry.stateHandlers.delete(handler);
    },
    async close() {},
  };
}
