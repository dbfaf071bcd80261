import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { currentUser } from "@/server/auth/current-user";

export async function createContext({ req }: { req: Request }) {
  return {
    db: await getDb(),
    user: await currentUser(),
    // Set by server/main.ts per request, so logs, audit rows and error messages share one id.
    requestId: req.headers.get("x-request-id") ?? randomUUID(),
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
