"use client";

import { useEffect, useState } from "react";

/** The viewer's clock, moving on by itself: "3 min ago" and "overdue" stay true while a page stays open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Hydration keeps the server's wording (see RelativeTime); render once more at once with this clock.
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
