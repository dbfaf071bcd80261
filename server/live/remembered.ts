// Rows that nearly every request needs and that rarely change (the signed-in account, an alert source,
// an API token) are remembered in each process for a few seconds, and forgotten the moment they
// change: the change NOTIFYs a channel (a trigger, or the verb inside its transaction) that every
// process LISTENs to. The lifetime bounds what a missed notification could leave stale; nothing is
// trusted while the LISTEN connection is down, and everything is forgotten when it returns, since
// changes made meanwhile were not heard. State sits on globalThis: the custom server and Next's
// bundle each load this module, and a change made through either must reach both.
import { type Database, getDatabase } from "@/db/client";

export type Remembered<V> = {
  /** The value remembered for `key`, or what `read` answers now (kept unless a change raced the read). */
  get(key: string, read: (database: Database) => Promise<V>): Promise<V>;
  /** Drops one key, or everything: the next request reads afresh. */
  forget(key?: string): void;
};

type Options<V> = {
  /** The NOTIFY channel that announces a change; its payload is the key, or anything when `forgets` is "all". */
  channel: string;
  forgets: "key" | "all";
  rememberMs: number;
  /** Past this many entries everything is dropped: a scan of random keys must not grow the map. */
  maxEntries?: number;
  /** Whether a value read is worth keeping (an unknown id, say, is not). */
  keep?: (value: V) => boolean;
};

type State = { entries: Map<string, { value: unknown; at: number }>; generation: number; listeningOn: Database | null };
const registry = globalThis as typeof globalThis & { __daytwoRemembered?: Map<string, State> };

export function remembered<V>(name: string, options: Options<V>): Remembered<V> {
  const states = (registry.__daytwoRemembered ??= new Map());
  const self: State = states.get(name) ?? { entries: new Map(), generation: 0, listeningOn: null };
  states.set(name, self);
  const { entries } = self;

  const forget = (key?: string) => {
    // Bumped by every change, so a read that raced a change is not remembered.
    self.generation += 1;
    if (key === undefined) entries.clear();
    else entries.delete(key);
  };

  async function listenFor(database: Database): Promise<void> {
    if (self.listeningOn === database) return;
    // A new database (tests swap them) starts with nothing remembered.
    self.listeningOn = database;
    forget();
    database.listener.onState((listener) => listener === "up" && forget());
    await database.listener.listen(options.channel, (payload) => forget(options.forgets === "key" ? payload : undefined));
  }

  return {
    forget,
    async get(key, read) {
      const database = await getDatabase();
      await listenFor(database);
      const trusted = database.listener.state === "up";
      const known = entries.get(key);
      if (trusted && known && Date.now() - known.at < options.rememberMs) return known.value as V;
      const generation = self.generation;
      const value = await read(database);
      if (trusted && generation === self.generation && (options.keep?.(value) ?? true)) {
        if (entries.size >= (options.maxEntries ?? 10_000)) entries.clear();
        entries.set(key, { value, at: Date.now() });
      }
      return value;
    },
  };
}
