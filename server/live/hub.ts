// The process's live hub: one NOTIFY listener, one reader per watched incident, presence from open
// streams, and the database's reachability told to every page. Streams only wait on their mailbox.
import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { incidentParticipants, sessions } from "@/db/schema";
import { can } from "@/server/auth/can";
import { readSessionUser, USERS_CHANNEL } from "@/server/auth/session-user";
import { SESSIONS_CHANNEL } from "@/server/auth/sessions";
import type { Actor } from "@/server/context";
import { DomainError } from "@/server/errors";
import { markGone, markPresent } from "@/server/incidents/presence";
import { logger } from "@/server/log";
import { ALERTS_CHANNEL } from "./alerts-channel";
import { coalesce } from "./coalesce";
import { IncidentTopic, type FeedItem, type Subscriber } from "./incident-topic";
import { INCIDENT_CHANNEL, parseNotification, type IncidentNotification } from "./notification";
import { createQueue, type Queue } from "./queue";

// Presence rows are refreshed by each process for its open streams; PRESENCE_WINDOW_MS is three beats.
const HEARTBEAT_MS = 20_000;
// Alert pages refetch at most this often however many alerts arrive (see coalesce.ts).
const ALERTS_COALESCE_MS = 1_000;

type ListSubscriber = { actor: Actor; queue: Queue<{ incidentId: string | null }>; isAwaitingAccount?: boolean };

/** What a stream of a deactivated (or deleted) account ends with: the page asks the person to sign in again. */
export const sessionEnded = () => new DomainError("unauthenticated", "Your session has ended. Sign in again.");

export class LiveHub {
  private readonly topics = new Map<string, IncidentTopic>();
  private readonly lists = new Set<ListSubscriber>();
  /** Open alert pages: they only hear "alerts changed", as every signed-in person may read alerts. */
  private readonly alertWatchers = new Set<ListSubscriber>();
  private readonly tellAlertWatchers = coalesce(() => {
    for (const watcher of this.alertWatchers) if (!watcher.isAwaitingAccount) watcher.queue.push({ incidentId: null });
  }, ALERTS_COALESCE_MS);
  /** incident id → user id → open streams of that person on that incident, in this process. */
  private readonly present = new Map<string, Map<string, number>>();
  private readonly ready: Promise<unknown>;
  /** user id → number of account changes heard: only the newest re-read of an account is applied. */
  private readonly accountChecks = new Map<string, number>();

  constructor(private readonly database: Database) {
    this.ready = Promise.all([
      database.listener.listen(INCIDENT_CHANNEL, (payload) => this.onNotification(payload)),
      // Migration 0012: every change to an account (role, deactivation) is announced at its commit.
      database.listener.listen(USERS_CHANNEL, (userId) => this.onAccountChanged(userId)),
      // Migration 0015: a sign-out ends that session's streams, in every process.
      database.listener.listen(SESSIONS_CHANNEL, (sessionId) => this.onSessionEnded(sessionId)),
      database.listener.listen(ALERTS_CHANNEL, () => {
        if (this.alertWatchers.size > 0) this.tellAlertWatchers();
      }),
    ]);
    database.listener.onState((state) => (state === "up" ? this.onRestored() : this.onLost()));
    // Not a job: it keeps this process's own connections' presence fresh, and dies with the process.
    setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref();
  }

  /** Resolves once the incident channel is registered (server/main.ts waits for it before serving). */
  whenReady(): Promise<unknown> {
    return this.ready;
  }

  get isDatabaseReachable(): boolean {
    return this.database.listener.state === "up";
  }

  /** Open live streams in this process: incident pages, incident lists and alert pages (the metrics gauge). */
  get streamCount(): number {
    let count = this.lists.size + this.alertWatchers.size;
    for (const topic of this.topics.values()) count += topic.subscribers.size;
    return count;
  }

  /** Reads done for an incident's feed in this process (tests count them). */
  readsFor(incidentId: string): number {
    return this.topics.get(incidentId)?.reads ?? 0;
  }

  /** One stream: events after `afterSeq`, then live, until `signal` aborts or access is lost. */
  async *subscribe(actor: Actor, incidentId: string, afterSeq: number, signal?: AbortSignal): AsyncGenerator<FeedItem> {
    await this.ready;
    let topic = this.topics.get(incidentId);
    if (!topic) this.topics.set(incidentId, (topic = new IncidentTopic(incidentId, this.database.feedDb)));
    const subscriber: Subscriber = { actor, queue: createQueue<FeedItem>(), lastSeq: afterSeq, isNew: true };
    topic.subscribers.add(subscriber);
    topic.greet(subscriber);
    if (!this.isDatabaseReachable) subscriber.queue.push({ seq: null, message: { type: "database", isReachable: false } });
    this.arrive(incidentId, actor.id);
    void topic.pump();
    try {
      for (let item = await subscriber.queue.next(signal); item; item = await subscriber.queue.next(signal)) yield item;
    } finally {
      topic.subscribers.delete(subscriber);
      this.leave(incidentId, actor.id);
      if (topic.subscribers.size === 0 && this.topics.get(incidentId) === topic) {
        this.topics.delete(incidentId);
        topic.close();
      }
    }
  }

  /** Ids of incidents whose state changed and that this actor may see; null: refresh everything. */
  // `changedSince`: asked once the subscriber is registered (so nothing falls between the two), it
  // says whether anything changed since the page's list was read; then the stream starts with a refresh.
  async *subscribeList(actor: Actor, signal?: AbortSignal, changedSince?: () => Promise<boolean>): AsyncGenerator<string | null> {
    await this.ready;
    const subscriber: ListSubscriber = { actor, queue: createQueue<{ incidentId: string | null }>() };
    this.lists.add(subscriber);
    try {
      if (await changedSince?.().catch(() => true)) subscriber.queue.push({ incidentId: null });
      for (let item = await subscriber.queue.next(signal); item; item = await subscriber.queue.next(signal)) yield item.incidentId;
    } finally {
      this.lists.delete(subscriber);
    }
  }

  /** One signal per (coalesced) burst of alert changes, until `signal` aborts or the session ends. */
  async *subscribeAlerts(actor: Actor, signal?: AbortSignal, changedSince?: () => Promise<boolean>): AsyncGenerator<null> {
    await this.ready;
    const watcher: ListSubscriber = { actor, queue: createQueue<{ incidentId: string | null }>() };
    this.alertWatchers.add(watcher);
    try {
      if (await changedSince?.().catch(() => true)) watcher.queue.push({ incidentId: null });
      for (let item = await watcher.queue.next(signal); item; item = await watcher.queue.next(signal)) yield null;
    } finally {
      this.alertWatchers.delete(watcher);
    }
  }

  /** Incident-list and alert-page streams: both carry only an actor and a mailbox. */
  private listWatchers(): ListSubscriber[] {
    return [...this.lists, ...this.alertWatchers];
  }

  private onNotification(payload: string): void {
    const notification = parseNotification(payload);
    if (!notification) return;
    const topic = this.topics.get(notification.incidentId);
    if (topic) {
      if (notification.highlight) topic.broadcast({ type: "highlight", ...notification.highlight });
      else if (notification.presence) topic.refreshViewers().catch((error: unknown) => logger.warn({ err: error }, "presence read failed"));
      else void topic.pump();
    }
    if (notification.changesState && this.lists.size > 0) void this.tellLists(notification);
  }

  /**
   * Open streams carry the actor they were opened with; a role change or a deactivation must reach
   * them too. Their deliveries pause at once (a NOTIFY arrives in commit order, so no event committed
   * after the change slips out), the account is read once for all of that person's streams, then each
   * continues with the new actor (seeing what the new role may, its page told whether it may still
   * write) or, for a deactivated account, ends with "session ended". Deliveries themselves stay a
   * check of the cached actor: no read per message.
   */
  private onAccountChanged(userId: string): void {
    const streams = [...this.topics.values()].flatMap((topic) => [...topic.subscribers].filter((subscriber) => subscriber.actor.id === userId).map((subscriber) => ({ topic, subscriber })));
    const lists = this.listWatchers().filter((list) => list.actor.id === userId);
    if (streams.length === 0 && lists.length === 0) return;
    for (const watcher of [...streams.map((stream) => stream.subscriber), ...lists]) watcher.isAwaitingAccount = true;
    const check = (this.accountChecks.get(userId) ?? 0) + 1;
    this.accountChecks.set(userId, check);
    readSessionUser(this.database.feedDb, userId)
      .then(
        (account) => {
          if (this.accountChecks.get(userId) !== check) return;
          for (const { topic, subscriber } of streams) {
            if (!account) subscriber.queue.fail(sessionEnded());
            else {
              subscriber.actor = { ...account, sessionId: subscriber.actor.sessionId };
              subscriber.isAwaitingAccount = false;
              // Its next message carries the incident again, with what this role may do on it.
              subscriber.isNew = true;
              void topic.pump();
            }
          }
          for (const list of lists) {
            if (!account) list.queue.fail(sessionEnded());
            else {
              list.actor = { ...account, sessionId: list.actor.sessionId };
              list.isAwaitingAccount = false;
              list.queue.push({ incidentId: null });
            }
          }
        },
        (error: unknown) => {
          // Unknown is not allowed: these streams end, and the browser's reconnect is checked afresh.
          logger.warn({ err: error, userId }, "account re-read failed; ending its live streams");
          for (const watcher of [...streams.map((stream) => stream.subscriber), ...lists]) watcher.queue.end();
        },
      )
      .finally(() => {
        if (this.accountChecks.get(userId) === check) this.accountChecks.delete(userId);
      });
  }

  /** Sessions that ended while the listener was away: their streams end now. */
  private async recheckSessions(): Promise<void> {
    const watchers = [...[...this.topics.values()].flatMap((topic) => [...topic.subscribers]), ...this.listWatchers()];
    const ids = [...new Set(watchers.flatMap((watcher) => (watcher.actor.sessionId ? [watcher.actor.sessionId] : [])))];
    if (ids.length === 0) return;
    const live = new Set((await this.database.feedDb.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, ids))).map((row) => row.id));
    for (const id of ids) if (!live.has(id)) this.onSessionEnded(id);
  }

  private onSessionEnded(sessionId: string): void {
    for (const topic of this.topics.values()) {
      for (const subscriber of topic.subscribers) if (subscriber.actor.sessionId === sessionId) subscriber.queue.fail(sessionEnded());
    }
    for (const list of this.listWatchers()) if (list.actor.sessionId === sessionId) list.queue.fail(sessionEnded());
  }

  private async tellLists(notification: IncidentNotification): Promise<void> {
    let participants: Set<string> | null = null;
    if (notification.isPrivate && [...this.lists].some((list) => !can(list.actor, "admin"))) {
      const rows = await this.database.feedDb
        .select({ userId: incidentParticipants.userId })
        .from(incidentParticipants)
        .where(eq(incidentParticipants.incidentId, notification.incidentId))
        .catch(() => []);
      participants = new Set(rows.map((row) => row.userId));
    }
    for (const list of this.lists) {
      if (list.isAwaitingAccount) continue;
      const isParticipant = participants?.has(list.actor.id) ?? false;
      if (can(list.actor, "incident.read", { isPrivate: notification.isPrivate, isParticipant })) list.queue.push({ incidentId: notification.incidentId });
    }
  }

  private onLost(): void {
    for (const topic of this.topics.values()) topic.broadcast({ type: "database", isReachable: false });
  }

  /** Back: say so, then every stream catches up from its own last sequence number, with the whole incident. */
  private onRestored(): void {
    for (const topic of this.topics.values()) {
      topic.broadcast({ type: "database", isReachable: true });
      topic.markAllNew();
      void topic.pump();
      topic.refreshViewers().catch(() => {});
    }
    // Alerts stored while the listener was away were never announced: every page refetches once.
    for (const list of this.listWatchers()) list.queue.push({ incidentId: null });
    // Account changes made while the listener was away were never heard: check every watcher's account.
    const watchers = new Set([...[...this.topics.values()].flatMap((topic) => [...topic.subscribers]), ...this.listWatchers()].map((watcher) => watcher.actor.id));
    for (const userId of watchers) this.onAccountChanged(userId);
    this.recheckSessions().catch((error: unknown) => logger.warn({ err: error }, "session re-check failed"));
    this.heartbeat();
  }

  private arrive(incidentId: string, userId: string): void {
    const people = this.present.get(incidentId) ?? new Map<string, number>();
    this.present.set(incidentId, people);
    const count = (people.get(userId) ?? 0) + 1;
    people.set(userId, count);
    if (count === 1) markPresent(this.database.feedDb, incidentId, [userId]).catch(() => {});
  }

  private leave(incidentId: string, userId: string): void {
    const people = this.present.get(incidentId);
    const count = (people?.get(userId) ?? 1) - 1;
    if (count > 0) {
      people?.set(userId, count);
      return;
    }
    people?.delete(userId);
    if (people?.size === 0) this.present.delete(incidentId);
    markGone(this.database.feedDb, incidentId, userId).catch(() => {});
  }

  private heartbeat(): void {
    for (const [incidentId, people] of this.present) {
      markPresent(this.database.feedDb, incidentId, [...people.keys()], new Date(), false).catch(() => {});
    }
  }
}

const registry = globalThis as typeof globalThis & { __daytwoLiveHubs?: WeakMap<Database, LiveHub> };

/** The hub of this process's database (tests open several databases; each gets its own). */
export function hubFor(database: Database): LiveHub {
  registry.__daytwoLiveHubs ??= new WeakMap();
  let hub = registry.__daytwoLiveHubs.get(database);
  if (!hub) registry.__daytwoLiveHubs.set(database, (hub = new LiveHub(database)));
  return hub;
}
