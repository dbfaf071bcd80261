import { asc } from "drizzle-orm";
import type { ServiceContext } from "@/server/context";
import { isPerson, users } from "@/db/schema";
import { toUserOutput } from "./to-output";

export async function listUsers({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db.select().from(users).where(isPerson).orderBy(asc(users.name));
  return rows.map(toUserOutput);
}
