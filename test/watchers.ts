// Live-feed watchers for tests: each collects the event sequence numbers and messages it receives.
import type { IncidentFeedMessage } from "@/server/live/messages";
import type { FeedItem } from "@/server/live/incident-topic";

export type Watcher = { seqs: number[]; messages: IncidentFeedMessage[]; stop(): Promise<void>; hasStarted: () => boolean };

export function watch(open: (signal: AbortSignal) => AsyncGenerator<FeedItem>): Watcher {
  const controller = new AbortController();
  const seqs: number[] = [];
  const messages: IncidentFeedMessage[] = [];
  let hasStarted = false;
  const reading = (async () => {
    for await (const { message } of open(controller.signal)) {
      hasStarted = true;
      messages.push(message);
      if (message.type === "events") seqs.push(...message.events.map((event) => event.seq));
    }
  })();
  return {
    seqs,
    messages,
    hasStarted: () => hasStarted,
    async stop() {
      controller.abort();
      await reading;
    },
  };
}

/** 1..n, what a watcher that saw everything holds: every event once and in order. */
export const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);
