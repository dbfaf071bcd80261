// One QueryClient recipe for the browser and for server components, so the cache a page prefetches
// on the server is read back on the client with the same freshness and the same wire format.
import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";
import { transformer } from "./transformer";

// 4xx answers (forbidden, not found, invalid) will not change on retry.
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } })?.data?.httpStatus;
  return typeof status === "number" && status >= 400 && status < 500;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Long enough that data a server component just sent is not fetched again on arrival.
        staleTime: 15_000,
        // A prefetch on the server answers at once: a refusal there is the page's answer (a 404).
        retry: (count, error) => !isServer && count < 2 && !isClientError(error),
      },
      // Dates cross from server components to the browser as they cross the tRPC wire: tagged.
      dehydrate: { serializeData: transformer.serialize, shouldDehydrateQuery: defaultShouldDehydrateQuery },
      // The decoder rewrites its argument in place, and React may hydrate one payload twice
      // (strict mode, a refresh reusing props): decode a copy so the second pass sees the original.
      hydrate: { deserializeData: (data: unknown) => transformer.deserialize(structuredClone(data)) },
    },
  });
}
