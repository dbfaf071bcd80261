import { z } from "zod";
import { serverEnvShape } from "@/env-shape";

export type ServerEnv = z.infer<z.ZodObject<typeof serverEnvShape>>;

/** Validates process.env; on a bad value returns one line naming the variable and what is wrong. */
export function checkEnv(source: Record<string, string | undefined>): { ok: true; env: ServerEnv } | { ok: false; message: string } {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = z.object(serverEnvShape).safeParse(values);
  if (result.success) {
    const oidc = [result.data.OIDC_ISSUER, result.data.OIDC_CLIENT_ID, result.data.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) return { ok: false, message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together to switch on single sign-on" };
    // The provider redirects back to one registered URL; deriving it per request breaks the code exchange.
    if (oidc.every(Boolean) && !result.data.AUTH_URL) return { ok: false, message: "AUTH_URL must be set with OIDC: the public URL of Daytwo, e.g. https://daytwo.example.com (register <AUTH_URL>/api/auth/callback/oidc at your provider)" };
    // Instances sharing documents through Redis must share one database; PGlite belongs to one process.
    if (result.data.REDIS_URL && !result.data.DATABASE_URL) return { ok: false, message: "REDIS_URL needs DATABASE_URL: several instances share documents through Redis only on one PostgreSQL database" };
    return { ok: true, env: result.data };
  }
  const issue = result.error.issues[0];
  const variable = issue?.path.join(".") ?? "environment";
  return { ok: false, message: `${variable} ${issue?.message ?? "is invalid"}` };
}
