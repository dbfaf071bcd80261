import { getDb } from "@/db/client";
import type { SessionUser } from "@/server/auth/session-user";
import { isFound } from "@/server/errors";
import { loadVisiblePostMortem } from "./access";

/** For the post-mortem page: outsiders to a private incident get a real 404, like for the incident. */
export async function canSeePostMortem(user: SessionUser, postMortemId: string): Promise<boolean> {
  return /^[0-9a-f-]{36}$/i.test(postMortemId) && isFound(async () => loadVisiblePostMortem(await getDb(), user, postMortemId));
}
