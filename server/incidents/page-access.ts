import { getDb } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import { isFound } from "@/server/errors";
import { loadVisibleIncident } from "./access";

/** For the incident page: true when the user may see it, so outsiders get a real 404 response. */
export async function canSeeIncident(user: SessionUser, incidentId: string): Promise<boolean> {
  return /^[0-9a-f-]{36}$/i.test(incidentId) && isFound(async () => loadVisibleIncident(await getDb(), user, incidentId));
}
