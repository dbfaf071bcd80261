"use client";

import { X } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { cn } from "@/lib/cn";
import { type Toast, toast, toastStore } from "./toast";

const TONE: Record<Toast["kind"], string> = {
  success: "border-green-700/40 bg-green-50 text-green-900 dark:border-green-400/40 dark:bg-green-950 dark:text-green-100",
  info: "border-border bg-background text-foreground",
  error: "border-red-700/40 bg-red-50 text-red-900 dark:border-red-400/40 dark:bg-red-950 dark:text-red-100",
};

/** One message: it leaves after its time, which stops while a pointer or the keyboard is on it. */
function ToastItem({ entry }: { entry: Toast }) {
  const [isHeld, setHeld] = useState(false);
  const left = useRef(entry.duration);
  useEffect(() => {
    if (isHeld) return;
    const started = Date.now();
    const timer = setTimeout(() => toast.dismiss(entry.id), left.current);
    return () => {
      clearTimeout(timer);
      left.current = Math.max(1_000, left.current - (Date.now() - started));
    };
  }, [isHeld, entry.id]);
  return (
    <li
      // Failures interrupt (role="alert"); confirmations wait their turn in the polite region.
      role={entry.kind === "error" ? "alert" : "status"}
      className={cn("pointer-events-auto flex items-start gap-2 rounded-md border p-3 text-sm shadow-lg", TONE[entry.kind])}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="min-w-0 flex-1 break-words">{entry.message}</p>
      <button
        type="button"
        aria-label="Dismiss message"
        className="-m-1 shrink-0 rounded p-1 opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-hidden"
        onClick={() => toast.dismiss(entry.id)}
      >
        <X aria-hidden className="size-4" />
      </button>
    </li>
  );
}

/**
 * Where toasts appear: bottom right on wide screens; at the top on phones, where a bottom toast spans
 * the screen and sits on the form's Save/Cancel row. The region is always there, so screen readers
 * announce what is added to it.
 */
export function Toaster() {
  const shown = useSyncExternalStore(toastStore.subscribe, toastStore.snapshot, toastStore.empty);
  return (
    <section aria-label="Messages" className="pointer-events-none fixed inset-x-2 top-2 z-[100] sm:inset-x-auto sm:top-auto sm:right-4 sm:bottom-4 sm:w-96">
      <ol aria-live="polite" className="flex flex-col gap-2">
        {shown.map((entry) => (
          <ToastItem key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
