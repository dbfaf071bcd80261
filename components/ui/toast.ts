// Short confirmations and failures ("Runbook saved", "Could not save: …"), shown by <Toaster />.
// Our own, not a library: every page loaded sonner (11 kB of gzip JS, over a tenth of the incident
// page's budget) for three kinds of one-line message.
export type ToastKind = "success" | "error" | "info";
export type Toast = { id: number; kind: ToastKind; message: string; duration: number };

// Long enough to read a sentence; errors longer, since they say what to do next.
const DURATION: Record<ToastKind, number> = { success: 4_000, info: 5_000, error: 6_000 };
// A burst (a bulk edit's results) keeps only the newest few on screen.
const MAX_SHOWN = 3;

let shown: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};

function show(kind: ToastKind, message: string, options: { duration?: number } = {}): number {
  const entry = { id: nextId++, kind, message, duration: options.duration ?? DURATION[kind] };
  shown = [...shown, entry].slice(-MAX_SHOWN);
  changed();
  return entry.id;
}

export const toast = {
  success: (message: string, options?: { duration?: number }) => show("success", message, options),
  info: (message: string, options?: { duration?: number }) => show("info", message, options),
  error: (message: string, options?: { duration?: number }) => show("error", message, options),
  dismiss(id: number) {
    shown = shown.filter((entry) => entry.id !== id);
    changed();
  },
};

export const toastStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: () => shown,
  empty: (): Toast[] => [],
};
