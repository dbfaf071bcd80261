import { z } from "zod";
import { serverEnvShape } from "@/env-shape";

export type ServerEnv = z.infer<z.ZodObject<typeof serverEnvShape>>;

/** Validates process.env; on a bad value returns one line naming the variable and what is wrong. */
export function checkEnv(source: Record<string, string | undefined>): { ok: true; env: ServerEnv } | { ok: false; message: string } {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = z.object(serverEnvShape).safeParse(values);
  if (result.success) return { ok: true, env: result.data };
  const issue = result.error.issues[0];
  const variable = issue?.path.join(".") ?? "environment";
  return { ok: false, message: `${variable} ${issue?.message ?? "is invalid"}` };
}
