import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { DATABASE_BUSY_MESSAGE, DATABASE_UNREACHABLE_MESSAGE, databaseTrouble } from "@/db/unreachable";
import { DomainError, type DomainErrorKind } from "@/server/errors";
import { logger } from "@/server/log";

const codeFor: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  unauthenticated: "UNAUTHORIZED",
  rate_limited: "TOO_MANY_REQUESTS",
};

/** Turns what a procedure threw into what the client may see. */
export function toClientError(error: TRPCError, context: { path: string; requestId: string }): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) return new TRPCError({ code: codeFor[cause.kind], message: cause.message, cause });
  if (error.code === "PAYLOAD_TOO_LARGE") return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "That is more than the 5 MB one request may carry. Shorten it, or split it into several saves." });
  if (error.code !== "INTERNAL_SERVER_ERROR" || cause instanceof ZodError) return error;
  const trouble = databaseTrouble(cause);
  if (trouble) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: trouble === "busy" ? DATABASE_BUSY_MESSAGE : DATABASE_UNREACHABLE_MESSAGE });
  // Unknown failures are logged in full and answered with a generic message plus the request id.
  logger.error({ err: cause ?? error, path: context.path, requestId: context.requestId }, "procedure failed");
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `Something went wrong on our side. Try again; if it keeps failing, give an admin this reference: ${context.requestId}.`,
  });
}

/** "title: Too short" for each invalid field, so a person knows what to fix. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
