"use client";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * When the list on screen was read (the server's clock for a server-rendered page), less a margin for
 * clock skew; fixed per mount. A live stream opened with it first signals any change since, so one
 * made while the page loaded (or while the connection was down) is not missed, without a refetch on
 * every page load.
 */
export function useReadAt(queryKey: QueryKey): Date {
  const queryClient = useQueryClient();
  const [readAt] = useState(() => {
    const times = queryClient
      .getQueryCache()
      .findAll({ queryKey })
      .map((query) => query.state.dataUpdatedAt || Date.now());
    return new Date(Math.min(...times, Date.now()) - 2_000);
  });
  return readAt;
}
