// Runs in every app process beside the job worker: fans the outbox out and sends due deliveries. It
// wakes on every committed incident change (the NOTIFY the live hub also hears), so a message leaves
// within moments, and every 2 s for retries that came due. Passes never overlap within a process;
// between processes the row locks share the work.
import type { Database } from "@/db/client";
import type { Mailer } from "@/server/mail/mailer";
import { logger } from "@/server/log";
import { INCIDENT_CHANNEL } from "@/server/live/notification";
import { deliverDue } from "./deliver";
import { dispatchOutbox } from "./dispatch";

const SWEEP_MS = 2_000;
const MAX_ROUNDS = 20;

export type ChannelWorker = { wake(): void; stop(): Promise<void> };

export async function startChannelWorker(options: { database: Database; mailer: Mailer | null; now?: () => Date }): Promise<ChannelWorker> {
  const { database } = options;
  const log = logger.child({ module: "channels" });
  const send = { mailer: options.mailer, now: options.now };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const pass = async () => {
    for (let round = 0; round < MAX_ROUNDS && !stopped; round++) {
      // Fanning out the next events while this round's requests are in flight: the database works
      // while the network waits.
      const [fannedOut, sent] = await Promise.all([dispatchOutbox(database.db, options.now?.()), deliverDue(database.db, send)]);
      if (fannedOut === 0 && sent === 0) return;
    }
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => log.warn({ err: error }, "notification pass failed; the next one retries"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          wake();
        }
      });
  };
  const unlisten = await database.listener.listen(INCIDENT_CHANNEL, wake);
  const sweep = setInterval(wake, SWEEP_MS);
  sweep.unref();
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearInterval(sweep);
      unlisten();
      await running;
    },
  };
}
