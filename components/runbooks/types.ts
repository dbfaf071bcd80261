import type { inferRouterInputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** A tiptap document as the API carries it. */
export type RichDocument = { type: "doc"; content?: unknown[] };
export type RunbookFields = Omit<inferRouterInputs<AppRouter>["runbooks"]["create"], "note">;
