// Checking who is posting: a source's token (bearer, basic password, any "<scheme> <token>", or
// PagerDuty's routing_key) and, when the source has an HMAC secret, the body's signature.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AlertSource } from "@/db/schema";
import { open } from "@/server/crypto/secret-box";

export const TOKEN_PREFIX = "dta_";

/** A new token: shown once to the admin; only its hash is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The token in an Authorization header: `Bearer t`, `Basic base64(user:t)`, or Grafana's `<scheme> t`. */
export function tokenFromAuthorization(header: string | null): string | null {
  if (!header) return null;
  const [scheme, credentials] = header.trim().split(/\s+/, 2);
  if (!scheme || !credentials) return null;
  if (scheme.toLowerCase() === "basic") {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon === -1 ? null : decoded.slice(colon + 1);
  }
  return credentials;
}

export const isSourceToken = (source: Pick<AlertSource, "tokenHash">, token: string | null | undefined) => Boolean(token) && sameHex(hashToken(token!), source.tokenHash);

type SignatureCheck = { headers: Pick<Headers, "get">; body: Buffer; now: Date };

/** Grafana's scheme: lowercase hex HMAC-SHA256 of the body, or of "{unix seconds}:{body}" with a timestamp header. */
export function isValidSignature(source: Pick<AlertSource, "hmacSecretEncrypted" | "hmacHeader" | "timestampHeader" | "toleranceSeconds">, { headers, body, now }: SignatureCheck): boolean {
  if (!source.hmacSecretEncrypted) return false;
  const secret = open(source.hmacSecretEncrypted);
  const signature = headers
    .get(source.hmacHeader)
    ?.trim()
    .replace(/^sha256=/i, "");
  if (!secret || !signature || !/^[0-9a-f]+$/i.test(signature)) return false;
  const mac = createHmac("sha256", secret);
  if (source.timestampHeader) {
    const timestamp = headers.get(source.timestampHeader)?.trim() ?? "";
    if (!/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > source.toleranceSeconds) return false;
    mac.update(`${timestamp}:`, "utf8");
  }
  mac.update(body);
  return sameHex(mac.digest("hex"), signature.toLowerCase());
}
