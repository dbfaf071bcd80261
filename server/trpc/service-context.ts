import type { ServiceContext } from "@/server/context";
import type { Context } from "./context";
import type { SessionUser } from "@/server/auth/session-user";

/** What a router hands a service verb once the procedure builder has proven who is calling. */
export const serviceContext = (ctx: Context & { user: SessionUser }): ServiceContext => ({
  db: ctx.db,
  actor: ctx.user,
  requestId: ctx.requestId,
});
