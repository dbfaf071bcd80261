import type { DbOrTx } from "@/db/client";
import type { UserRole } from "@/db/schema";

// Who is acting, on which connection, for which request: the first argument of every service verb.
export type Actor = {
  id: string;
  role: UserRole;
  name: string;
  email: string;
  /** The session acted through, when there is one: live streams and co-editing sockets end with it. */
  sessionId?: string;
  /** An API token's own account: not a person, so it is never made commander by default. */
  isSystem?: boolean;
  /** A team-restricted API token: it sees only incidents touching a service that team owns. */
  teamId?: string | null;
};
export type ServiceContext = { db: DbOrTx; actor: Actor; requestId: string; now?: () => Date };
