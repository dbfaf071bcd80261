import { createEnv } from "@t3-oss/env-nextjs";
import { serverEnvShape } from "./env-shape";

export const env = createEnv({
  server: serverEnvShape,
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

export const isOidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
