import pino from "pino";
import { serverEnv } from "@/env";

// Structured JSON logs; one logger per process (shared through globalThis with Next's bundle).
const registry = globalThis as typeof globalThis & { __daytwoLogger?: pino.Logger };

export const logger: pino.Logger = (registry.__daytwoLogger ??= pino({
  level: serverEnv().LOG_LEVEL,
  base: { app: "daytwo" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash"],
}));
