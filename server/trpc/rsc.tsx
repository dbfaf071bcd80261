// tRPC for server components: a page prefetches its queries by calling the router in-process
// (no HTTP hop, same procedures, same permission checks), then hands the cache to the browser
// through <HydrateClient>, so the first paint shows the content instead of a spinner.
import { randomUUID } from "node:crypto";
import { dehydrate, HydrationBoundary, type FetchQueryOptions, type QueryKey } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { getDb } from "@/db/client";
import { makeQueryClient } from "@/lib/trpc/query-client";
import { currentUser } from "@/server/auth/current-user";
import type { Context } from "./context";
import { appRouter } from "./root";

/** One cache per request: every component of one page render shares it, no request sees another's. */
export const getQueryClient = cache(makeQueryClient);

// The same context the HTTP endpoint builds, from the session the layouts already read (cached).
const createRscContext = cache(async (): Promise<Context> => {
  const requestHeaders = await headers();
  return { db: await getDb(), user: await currentUser(), requestId: requestHeaders.get("x-request-id") ?? randomUUID() };
});

export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: createRscContext, queryClient: getQueryClient });

type PrefetchOptions = { queryKey: QueryKey };

/**
 * Fills the request's cache with these queries, all at once. A failure is kept out of the payload
 * (only successes are sent), so the browser asks again and shows the error where it always does.
 */
export async function prefetch(...options: PrefetchOptions[]): Promise<void> {
  const queryClient = getQueryClient();
  await Promise.all(
    options.map((option) => {
      const isInfinite = (option.queryKey[1] as { type?: string } | undefined)?.type === "infinite";
      // The options come from trpc.*.queryOptions / infiniteQueryOptions, so they fit their method.
      return isInfinite ? queryClient.prefetchInfiniteQuery(option as never) : queryClient.prefetchQuery(option as never);
    }),
  );
}

/**
 * Fetches the page's main record into the cache. "Not found" (hidden and missing alike) and an id
 * that cannot exist are the page's 404; anything else is a real failure for the error page.
 */
export async function fetchOrNotFound<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(options: FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>): Promise<TData> {
  try {
    return await getQueryClient().fetchQuery(options);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** Sends what this request prefetched to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
