// Secrets Daytwo must use again, so cannot hash: alert sources' HMAC secrets, notification channels'
// URLs and signing secrets. Sealed with AES-256-GCM under a key from ENCRYPTION_KEY when set, else
// derived from AUTH_SECRET, so a database dump alone reveals none of them. The version tag says which
// key sealed a value, so setting ENCRYPTION_KEY later still opens what was sealed before.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { serverEnv } from "@/env";

type Version = "v1" | "v2";

function key(version: Version): Buffer | null {
  const { AUTH_SECRET, ENCRYPTION_KEY } = serverEnv();
  // v1 is the AUTH_SECRET derivation alert sources have always used; v2 is ENCRYPTION_KEY's.
  const material = version === "v2" ? ENCRYPTION_KEY : AUTH_SECRET;
  if (!material) return null;
  const [salt, info] = version === "v2" ? ["daytwo-secret-box", "sealed-secret"] : ["daytwo-alert-sources", "hmac-secret"];
  return Buffer.from(hkdfSync("sha256", material, salt, info, 32));
}

export function seal(plain: string): string {
  const version: Version = serverEnv().ENCRYPTION_KEY ? "v2" : "v1";
  const sealingKey = key(version);
  if (!sealingKey) throw new Error("Neither ENCRYPTION_KEY nor AUTH_SECRET is set; one is needed to seal secrets");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [version, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(":");
}

/** The secret, or null when it cannot be opened (its key changed or is gone). */
export function open(stored: string): string | null {
  const [version, iv, tag, sealed] = stored.split(":");
  if ((version !== "v1" && version !== "v2") || !iv || !tag || sealed === undefined) return null;
  const openingKey = key(version);
  if (!openingKey) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", openingKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
