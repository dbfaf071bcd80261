import { z } from "zod";

const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^/]+/.test(value) && URL.canParse(value), {
  message: "must be a URL like postgres://user:password@host:5432/database",
});

const smtpUrl = z.string().refine((value) => /^smtps?:\/\/[^/]+/.test(value) && URL.canParse(value), {
  message: "must be a URL like smtp://user:password@mail.example.com:587 (smtps:// for TLS from the start)",
});

const redisUrl = z.string().refine((value) => /^rediss?:\/\/[^/]*/.test(value) && URL.canParse(value), {
  message: "must be a URL like redis://host:6379 (rediss:// for TLS, redis://:password@host:6379/0 with a password)",
});

const optionalUrl = z.string().refine((value) => URL.canParse(value), { message: "must be a full URL" });

// Every variable Daytwo reads. `.env.example` documents each one; the README has the table.
export const serverEnvShape = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("production"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  PGLITE_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1, "must be a port between 1 and 65535").max(65535, "must be a port between 1 and 65535").default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  // Seals stored secrets (webhook URLs, signing secrets); when unset, a key is derived from AUTH_SECRET.
  ENCRYPTION_KEY: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  AUTH_URL: optionalUrl.optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  OIDC_ISSUER: optionalUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  REDIS_URL: redisUrl.optional(),
  REDIS_PREFIX: z
    .string()
    .min(1)
    .regex(/^[\w:.-]+$/, "may only hold letters, digits, _ : . and -")
    .default("daytwo"),
  DEMO_SEED: z.enum(["auto", "never"]).default("auto"),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default("Daytwo <daytwo@localhost>"),
  // Turns on GET /metrics (Prometheus), readable only with this bearer token.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 24)").optional(),
  // How long a notification delivery is claimed for: a process that dies mid-send leaves it to be sent
  // again once this runs out. Shorter than the 10 s send timeout risks a slow delivery going out twice
  // (receivers drop repeats by webhook-id, but there is no reason to).
  DELIVERY_LEASE_SECONDS: z.coerce
    .number("must be a number of seconds")
    .int("must be a whole number of seconds")
    .min(1, "must be between 1 and 3600 seconds")
    .max(3600, "must be between 1 and 3600 seconds")
    .default(60),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};
