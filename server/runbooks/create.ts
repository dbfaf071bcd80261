import type { z } from "zod";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { insertRunbook } from "./save";
import type { createRunbookInput } from "./schemas";

/** A new runbook: revision 1, audited. */
export async function createRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof createRunbookInput> }) {
  if (!can(ctx.actor, "runbook.write")) throw forbidden("Viewers can read runbooks but not write them.");
  const { note, ...fields } = input;
  return ctx.db.transaction((tx) => insertRunbook(tx, ctx, fields, note || "Created"));
}
