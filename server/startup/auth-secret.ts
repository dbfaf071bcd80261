import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Returns AUTH_SECRET, generating it once into <dataDir>/auth-secret (mode 600) when unset. */
export function ensureAuthSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
