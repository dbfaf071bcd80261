import { getDb } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import { DomainError } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";

/** For the post-mortem page: outsiders to a private incident get a real 404, like for the incident. */
export async function canSeePostMortem(user: SessionUser, postMortemId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(postMortemId)) return false;
  try {
    await loadVisiblePostMortem(await getDb(), user, postMortemId);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return false;
    throw error;
  }
}
