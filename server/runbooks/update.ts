import type { z } from "zod";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden } from "@/server/errors";
import { saveRevision } from "./save";
import type { updateRunbookInput } from "./schemas";

/** Saves an edit as a new revision; a stale base revision is a conflict naming who saved in between. */
export async function updateRunbook({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof updateRunbookInput> }) {
  if (!can(ctx.actor, "runbook.write")) throw forbidden("Viewers can read runbooks but not write them.");
  const { id, baseRevision, note, ...fields } = input;
  return ctx.db.transaction((tx) => saveRevision(tx, ctx, { id, baseRevision }, { fields, note, audit: "runbook.updated" }));
}
