// The one module that reads Daytwo's configuration. Everything else asks `serverEnv()` (lint forbids
// `process.env` elsewhere), so each setting has one name, one default and one validation.
import { createEnv } from "@t3-oss/env-nextjs";
import type { z } from "zod";
import { serverEnvShape } from "./env-shape";

export type ServerEnv = z.infer<z.ZodObject<typeof serverEnvShape>>;
type Source = Record<string, string | undefined>;

class InvalidEnv extends Error {}

/** Validates the environment; on a bad value returns one line naming the variable and what is wrong. */
export function checkEnv(source: Source = process.env): { ok: true; env: ServerEnv } | { ok: false; message: string } {
  let env: ServerEnv;
  try {
    env = createEnv({
      server: serverEnvShape,
      client: {},
      // A copy: emptyStringAsUndefined deletes empty values from the object it is given.
      runtimeEnv: { ...source } as Record<keyof typeof serverEnvShape, string | undefined>,
      emptyStringAsUndefined: true,
      onValidationError: (issues) => {
        const issue = issues[0];
        const variable = issue?.path?.map((part) => (typeof part === "object" ? String(part.key) : String(part))).join(".") || "environment";
        throw new InvalidEnv(`${variable} ${issue?.message ?? "is invalid"}`);
      },
    }) as ServerEnv;
  } catch (error) {
    if (error instanceof InvalidEnv) return { ok: false, message: error.message };
    throw error;
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) return { ok: false, message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together to switch on single sign-on" };
  // The provider redirects back to one registered URL; deriving it per request breaks the code exchange.
  if (oidc.every(Boolean) && !env.AUTH_URL)
    return { ok: false, message: "AUTH_URL must be set with OIDC: the public URL of Daytwo, e.g. https://daytwo.example.com (register <AUTH_URL>/api/auth/callback/oidc at your provider)" };
  // Instances sharing documents through Redis must share one database; PGlite belongs to one process.
  if (env.REDIS_URL && !env.DATABASE_URL) return { ok: false, message: "REDIS_URL needs DATABASE_URL: several instances share documents through Redis only on one PostgreSQL database" };
  return { ok: true, env };
}

const settingNames = Object.keys(serverEnvShape) as (keyof typeof serverEnvShape)[];
let current: { fingerprint: string; env: ServerEnv } | undefined;

/** This process's validated settings. Validated again only when a variable changed (tests set their own). */
export function serverEnv(): ServerEnv {
  const fingerprint = settingNames.map((name) => process.env[name] ?? "").join("\0");
  if (current?.fingerprint !== fingerprint) {
    const checked = checkEnv(process.env);
    if (!checked.ok) throw new Error(`Invalid configuration: ${checked.message}`);
    current = { fingerprint, env: checked.env };
  }
  return current.env;
}

export const isOidcEnabled = (): boolean => {
  const env = serverEnv();
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
};

/**
 * For server/main.ts at start, before anything reads settings: the NODE_ENV Next expects and the
 * generated AUTH_SECRET, stored in the process environment because Auth.js reads them there itself.
 */
export function setProcessSetting(name: "NODE_ENV" | "AUTH_SECRET", value: string): void {
  (process.env as Source)[name] = value;
}
