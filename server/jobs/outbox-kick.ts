// Lets code outside the job worker ask for queued emails to go out now instead of at the next
// minute's schedule (a page must not wait). A no-op until the worker has started in this process.
let kick: (() => Promise<unknown>) | null = null;

export function onOutboxRequest(send: (() => Promise<unknown>) | null): void {
  kick = send;
}

/** Call after the transaction that queued the emails has committed. */
export function requestOutboxSend(): void {
  kick?.().catch(() => {
    // The schedule sends them within a minute anyway.
  });
}
