// One incident's watchers in this process, and the one reader that turns its NOTIFYs into events.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentParticipants, incidents } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { Actor } from "@/server/context";
import { loadIncidentDetails } from "@/server/incidents/get";
import { readViewers } from "@/server/incidents/presence";
import { readEvents } from "@/server/incidents/timeline";
import { logger } from "@/server/log";
import { incidentFeedMessage, type EventsMessage, type IncidentFeedMessage } from "./messages";
import type { Queue } from "./queue";

export type FeedItem = { seq: number | null; message: IncidentFeedMessage };

export type Subscriber = {
  actor: Actor;
  queue: Queue<FeedItem>;
  /** The last sequence number this stream has sent; the next event it gets is exactly the one after. */
  lastSeq: number;
  /** Its first message carries the whole incident, so a reconnecting page catches up on state too. */
  isNew: boolean;
  /** The account changed and is being re-read (hub.ts): nothing is sent until it is known again. */
  isAwaitingAccount?: boolean;
};

type Access = { isPrivate: boolean; participantIds: Set<string> };

const RETRY_READ_MS = 1_000;
// A busy incident (50 notes a second) is read at most every 250 ms, several events per read and per
// message: watchers × messages is what costs, and 250 ms is well inside "live within a second". A
// quiet incident's change is read at once.
const MIN_READ_INTERVAL_MS = 250;

export class IncidentTopic {
  readonly subscribers = new Set<Subscriber>();
  private reading: Promise<void> | null = null;
  private isDirty = false;
  private version: number | null = null;
  private access: Access | null = null;
  private viewers: IncidentFeedMessage | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReadAt = 0;
  /** Reads done for this topic: what the "one read per event per process" test counts. */
  reads = 0;

  constructor(
    readonly incidentId: string,
    private readonly db: Db,
  ) {}

  /** Reads what subscribers have not yet been sent, once for all of them, then hands it out. */
  pump(): Promise<void> {
    if (this.reading) {
      this.isDirty = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        const wait = this.lastReadAt + MIN_READ_INTERVAL_MS - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        this.isDirty = false;
        this.lastReadAt = Date.now();
        await this.readOnce();
      } while (this.isDirty && this.subscribers.size > 0);
    })()
      .catch((error: unknown) => {
        // The database is unreachable or failed: try again shortly (the listener's return also pumps).
        logger.warn({ err: error, incidentId: this.incidentId }, "live feed read failed; retrying");
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => void this.pump(), RETRY_READ_MS);
        this.retryTimer.unref?.();
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** Changes without a sequence number: delivered as they are to those who may see the incident. */
  broadcast(message: IncidentFeedMessage): void {
    for (const subscriber of this.subscribers) if (!subscriber.isAwaitingAccount && this.maySee(subscriber.actor)) subscriber.queue.push({ seq: null, message });
  }

  async refreshViewers(): Promise<void> {
    this.viewers = incidentFeedMessage.parse({ type: "presence", viewers: await readViewers(this.db, this.incidentId) });
    this.broadcast(this.viewers);
  }

  /** A new stream gets who is here now at once; the arrival it causes refreshes everyone. */
  greet(subscriber: Subscriber): void {
    if (this.viewers) subscriber.queue.push({ seq: null, message: this.viewers });
  }

  /** Every stream's next message carries the whole incident (after the database returns). */
  markAllNew(): void {
    for (const subscriber of this.subscribers) subscriber.isNew = true;
  }

  close(): void {
    clearTimeout(this.retryTimer);
    for (const subscriber of this.subscribers) subscriber.queue.end();
  }

  private maySee(actor: Actor): boolean {
    const access = this.access;
    // Before the first read, every subscriber here passed the visibility check at connect.
    if (!access) return true;
    return can(actor, "incident.read", { isPrivate: access.isPrivate, isParticipant: access.participantIds.has(actor.id) });
  }

  private async readOnce(): Promise<void> {
    // Only those here when the read starts are served by it: one who joins meanwhile may need older
    // events, and gets them from the next read, which starts at their own sequence number.
    const served = [...this.subscribers];
    if (served.length === 0) return;
    this.reads += 1;
    const floor = Math.min(...served.map((subscriber) => subscriber.lastSeq));
    const needsIncident = served.some((subscriber) => subscriber.isNew);
    const [incident] = await this.db.select().from(incidents).where(eq(incidents.id, this.incidentId));
    if (!incident) {
      for (const subscriber of served) subscriber.queue.end();
      return;
    }
    const [events, participants] = await Promise.all([
      incident.lastEventSeq > floor ? readEvents({ db: this.db }, incident.id, { afterSeq: floor }) : Promise.resolve([]),
      incident.isPrivate ? this.db.select({ userId: incidentParticipants.userId }).from(incidentParticipants).where(eq(incidentParticipants.incidentId, incident.id)) : Promise.resolve([]),
    ]);
    this.access = { isPrivate: incident.isPrivate, participantIds: new Set(participants.map((row) => row.userId)) };
    // Adding someone changes who takes part without a new version; the page shows participants too.
    const hasStateChanged = (this.version !== null && this.version !== incident.version) || events.some((event) => event.kind === "participant.added");
    this.version = incident.version;
    const details = needsIncident || hasStateChanged ? await loadIncidentDetails(this.db, incident) : null;
    const lastSeq = Math.max(incident.lastEventSeq, events.at(-1)?.seq ?? 0);
    // Checked once for everyone, as every query's output is, before it leaves the server.
    const shared = incidentFeedMessage.parse({
      type: "events",
      events,
      head: { version: incident.version, lastEventSeq: lastSeq },
      incident: details ? { ...details, canWrite: false } : null,
    }) as EventsMessage;
    const variants = new Map<string, EventsMessage>();
    for (const subscriber of served) this.deliver(subscriber, shared, hasStateChanged, variants);
  }

  // `variants`: the messages this read has made, by content. Watchers who are equally up to date and
  // get the same incident (or none) get the same object, which the stream then encodes only once
  // (server/http/live-endpoint.ts): 200 watchers of a busy incident cost one JSON.stringify, not 200.
  private deliver(subscriber: Subscriber, shared: EventsMessage, hasStateChanged: boolean, variants: Map<string, EventsMessage>): void {
    // Held back, not dropped: lastSeq stays, so the next read after the account check sends these.
    if (!this.subscribers.has(subscriber) || subscriber.isAwaitingAccount) return;
    // Lost access (made private, or removed): the stream ends, as a fresh one would be refused.
    if (!this.maySee(subscriber.actor)) {
      subscriber.queue.end();
      return;
    }
    const events = shared.events.filter((event) => event.seq > subscriber.lastSeq);
    if (events.length === 0 && !subscriber.isNew && !hasStateChanged) return;
    const canWrite = shared.incident && (subscriber.isNew || hasStateChanged) ? can(subscriber.actor, "incident.write") : null;
    // Events are in sequence order, so their count says which ones this watcher gets.
    const key = `${events.length}:${canWrite}`;
    let message = variants.get(key);
    if (!message) {
      message = { ...shared, events, incident: shared.incident && canWrite !== null ? { ...shared.incident, canWrite } : null };
      variants.set(key, message);
    }
    subscriber.lastSeq = Math.max(subscriber.lastSeq, events.at(-1)?.seq ?? subscriber.lastSeq);
    subscriber.isNew = false;
    subscriber.queue.push({ seq: events.length ? subscriber.lastSeq : null, message });
  }
}
