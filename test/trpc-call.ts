// Calls the real tRPC HTTP handler, so statuses and messages are what a browser receives.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { transformer } from "@/lib/trpc/transformer";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/context";
import { appRouter } from "@/server/trpc/root";

export type CallResult = { status: number; error?: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } }; data?: unknown };

export async function callProcedure(db: Db, as: Actor | null, path: string, input: unknown, kind: "query" | "mutation"): Promise<CallResult> {
  const encoded = transformer.serialize(input);
  // No input (z.void()) travels as no parameter at all, as the tRPC client sends it.
  const query = encoded === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(encoded))}`;
  const url = kind === "query" ? `http://test/api/trpc/${path}${query}` : `http://test/api/trpc/${path}`;
  const req = new Request(url, {
    method: kind === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: kind === "mutation" && encoded !== undefined ? JSON.stringify(encoded) : undefined,
  });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({ db, user: as, requestId: "req-test" }) });
  const body = transformer.deserialize(await res.json()) as { error?: CallResult["error"]; result?: { data: unknown } };
  return { status: res.status, error: body.error, data: body.result?.data };
}
