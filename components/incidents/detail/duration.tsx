"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/lib/incident-metrics";

/** A duration that keeps ticking while the incident is open. */
export function TickingDuration({ from, until }: { from: Date; until: Date | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until?.getTime() ?? now;
  // The server's clock and the browser's differ by the trip: the next tick (within a second) corrects it.
  return (
    <span className="tabular-nums" suppressHydrationWarning>
      {formatDuration(Math.max(0, Math.round((end - from.getTime()) / 1000)))}
    </span>
  );
}
