// Calls the real tRPC HTTP handler, so statuses and messages are what a browser receives.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/context";
import { appRouter } from "@/server/trpc/root";

export type CallResult = { status: number; error?: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } }; data?: unknown };

export async function callProcedure(db: Db, as: Actor | null, path: string, input: unknown, kind: "query" | "mutation"): Promise<CallResult> {
  const encoded = superjson.serialize(input);
  const url = kind === "query" ? `http://test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(encoded))}` : `http://test/api/trpc/${path}`;
  const req = new Request(url, {
    method: kind === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: kind === "mutation" ? JSON.stringify(encoded) : undefined,
  });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({ db, user: as, requestId: "req-test" }) });
  const body = (await res.json()) as { error?: { json: CallResult["error"] }; result?: { data: unknown } };
  return { status: res.status, error: body.error?.json, data: body.result?.data };
}
