"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while the browser adopts the server's HTML, true right after. Output that
 * depends on the viewer's clock, zone or locale renders a fixed form until then, so the two agree.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
