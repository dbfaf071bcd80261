// Shared by the database schema and the browser, so the client bundle never pulls in drizzle.
export const userRoles = ["admin", "responder", "viewer"] as const;
export type UserRole = (typeof userRoles)[number];
