import { getDb } from "@/db/client";
import { isFound } from "@/server/errors";
import { loadRunbook } from "./load";

/** For the runbook pages: an unknown (or archived) runbook is a real 404 page, not an error message. */
export async function runbookExists(runbookId: string): Promise<boolean> {
  return /^[0-9a-f-]{36}$/i.test(runbookId) && isFound(async () => loadRunbook(await getDb(), runbookId));
}
