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

/**
 * Opens a subscription as the browser's EventSource does and reads until its first message: "OK" with
 * the data, or the error a client would see. Refusals before the stream starts come as a JSON error.
 */
export async function openSubscription(db: Db, as: Actor | null, path: string, input: unknown, timeoutMs = 3_000): Promise<CallResult> {
  const encoded = transformer.serialize(input);
  const query = encoded === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(encoded))}`;
  const controller = new AbortController();
  const req = new Request(`http://test/api/trpc/${path}${query}`, { method: "GET", headers: { accept: "text/event-stream" }, signal: controller.signal });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => ({ db, user: as, requestId: "req-test" }) });
  if (!res.headers.get("content-type")?.includes("text/event-stream")) {
    const body = transformer.deserialize(await res.json()) as { error?: CallResult["error"] };
    return { status: res.status, error: body.error };
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { status: res.status };
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
        const data = [...block.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join("\n");
        if (event === "serialized-error") {
          const error = transformer.deserialize(JSON.parse(data)) as CallResult["error"];
          return { status: error?.data && "httpStatus" in error.data ? Number((error.data as { httpStatus: number }).httpStatus) : 500, error };
        }
        if (event === "message" && data) return { status: res.status, data: transformer.deserialize(JSON.parse(data)) };
      }
    }
  } catch (error) {
    // Connected, but nothing to say yet within the wait: the stream stays open, which is an answer too.
    if (controller.signal.aborted) return { status: res.status, data: undefined };
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
    await reader.cancel().catch(() => undefined);
  }
}
