/**
 * A subscriber's mailbox: the hub pushes, the stream's generator awaits. Bounded, because a browser
 * that stops reading must not grow the server's memory: past the bound the stream ends, and the
 * client's reconnect resumes from its last event, read fresh from the database.
 */
export function createQueue<T>(limit = 1_000) {
  const items: T[] = [];
  let isEnded = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const release = () => {
    wake?.();
    wake = null;
  };
  return {
    push(item: T) {
      if (isEnded) return;
      if (items.length >= limit) {
        isEnded = true;
        items.length = 0;
      } else items.push(item);
      release();
    },
    end() {
      isEnded = true;
      release();
    },
    /** Ends at once, dropping what is queued: the reader's next wait throws `error`. */
    fail(error: Error) {
      isEnded = true;
      failure = error;
      items.length = 0;
      release();
    },
    get isEnded() {
      return isEnded;
    },
    /** The next item, or null once ended or aborted. One abort listener per wait, removed after it. */
    async next(signal?: AbortSignal): Promise<T | null> {
      while (items.length === 0) {
        if (failure) throw failure;
        if (isEnded || signal?.aborted) return null;
        await new Promise<void>((resolve) => {
          const onAbort = () => resolve();
          wake = () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          };
          signal?.addEventListener("abort", onAbort, { once: true });
        });
        if (signal?.aborted) return null;
      }
      return items.shift() ?? null;
    },
  };
}
export type Queue<T> = ReturnType<typeof createQueue<T>>;
