// Domain errors: services throw these; one tRPC middleware maps them to codes (server/trpc/init.ts).
export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "invalid" | "unauthenticated" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** For pages: true when `load` finds the thing for this person, false when it is "not found" to them. */
export async function isFound(load: () => Promise<unknown>): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return false;
    throw error;
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do that.") => new DomainError("forbidden", message);
export const conflict = (message: string, field?: string) => new DomainError("conflict", message, field);
export const invalid = (message: string, field?: string) => new DomainError("invalid", message, field);
