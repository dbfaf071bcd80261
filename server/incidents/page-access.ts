import { getDb } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import { DomainError } from "@/server/errors";
import { loadVisibleIncident } from "./access";

/** For the incident page: true when the user may see it, so outsiders get a real 404 response. */
export async function canSeeIncident(user: SessionUser, incidentId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(incidentId)) return false;
  try {
    await loadVisibleIncident(await getDb(), user, incidentId);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return false;
    throw error;
  }
}
