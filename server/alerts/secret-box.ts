// HMAC secrets at rest. Verifying a signature needs the secret itself, so it cannot be hashed like a
// token; it is sealed with AES-256-GCM under a key derived from AUTH_SECRET, so a database dump alone
// does not let anyone sign alerts.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { serverEnv } from "@/env";

const VERSION = "v1";

function key(): Buffer {
  const secret = serverEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; it is needed to seal alert source secrets");
  return Buffer.from(hkdfSync("sha256", secret, "daytwo-alert-sources", "hmac-secret", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(":");
}

/** The secret, or null when it cannot be opened (AUTH_SECRET changed): signatures then never verify. */
export function open(stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(":");
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
