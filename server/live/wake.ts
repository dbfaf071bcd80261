/**
 * A level-triggered wake-up: notify() before wait() is not lost, and many notifies collapse
 * into one wake. Streams then re-read the database, which is the source of truth.
 */
export function createWake() {
  let isDirty = false;
  let release: (() => void) | null = null;
  return {
    notify() {
      isDirty = true;
      release?.();
      release = null;
    },
    async wait(signal?: AbortSignal): Promise<void> {
      if (!isDirty) {
        await new Promise<void>((resolve) => {
          release = resolve;
          signal?.addEventListener("abort", () => resolve(), { once: true });
        });
      }
      isDirty = false;
    },
  };
}
