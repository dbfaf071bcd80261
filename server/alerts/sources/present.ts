import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type AlertSource, alertSources } from "@/db/schema";
import { notFound } from "@/server/errors";
import { appUrl } from "@/server/reminders/dates";
import type { AlertSourceOutput } from "./schemas";

export const sourceUrl = (id: string) => appUrl(`/api/alerts/${id}`);

/** What admins see of a source: never the token or the secret, only whether one is set. */
export function presentSource(source: AlertSource): AlertSourceOutput {
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    url: sourceUrl(source.id),
    tokenPrefix: source.tokenPrefix,
    hasHmac: source.hmacSecretEncrypted !== null,
    hmacHeader: source.hmacHeader,
    timestampHeader: source.timestampHeader,
    toleranceSeconds: source.toleranceSeconds,
    rateLimitPerMinute: source.rateLimitPerMinute,
    autoResolve: source.autoResolve,
    isEnabled: source.isEnabled,
    createdAt: source.createdAt,
  };
}

/** The source by id, locked for the rest of the transaction when `isLocked`; deleted ones are not found. */
export async function loadSource(db: DbOrTx, id: string, { isLocked = false } = {}): Promise<AlertSource> {
  const query = db
    .select()
    .from(alertSources)
    .where(and(eq(alertSources.id, id), isNull(alertSources.deletedAt)))
    .limit(1);
  const [source] = isLocked ? await query.for("update") : await query;
  if (!source) throw notFound("That alert source");
  return source;
}

/** The audit view of a source's settings: no token hash, no secret. */
export const auditedSettings = (source: AlertSource) => ({
  name: source.name,
  kind: source.kind,
  hasHmac: source.hmacSecretEncrypted !== null,
  hmacHeader: source.hmacHeader,
  timestampHeader: source.timestampHeader,
  toleranceSeconds: source.toleranceSeconds,
  rateLimitPerMinute: source.rateLimitPerMinute,
  autoResolve: source.autoResolve,
  isEnabled: source.isEnabled,
});
