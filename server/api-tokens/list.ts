import { eq } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { readTokens } from "./present";

/** Admins see every token; anyone else sees their own personal tokens. */
export async function listApiTokens({ ctx }: { ctx: ServiceContext }) {
  return readTokens(ctx.db, can(ctx.actor, "admin") ? undefined : eq(apiTokens.ownerId, ctx.actor.id));
}
