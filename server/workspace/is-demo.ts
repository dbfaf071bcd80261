import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspace } from "@/db/schema";

// Demo mode: the embedded database holding the seeded demo workspace. Only then are demo
// credentials shown; a real deployment on PostgreSQL never shows them.
export async function isDemoMode(db: Db, engine: "postgres" | "pglite"): Promise<boolean> {
  if (engine !== "pglite") return false;
  const [row] = await db.select({ isDemo: workspace.isDemo }).from(workspace).where(eq(workspace.id, 1));
  return row?.isDemo ?? false;
}
