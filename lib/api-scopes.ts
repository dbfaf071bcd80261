// What an API token may be allowed to do. Each scope names the least role it needs: a token's role is
// the highest its scopes need, and a personal token may only hold scopes its owner's role allows.
import type { UserRole } from "@/lib/roles";

export const apiScopes = [
  { scope: "incidents:read", role: "viewer", label: "Read incidents and their timelines" },
  { scope: "incidents:write", role: "responder", label: "Declare and change incidents, add notes and status updates" },
  { scope: "alerts:read", role: "viewer", label: "Read alerts" },
  { scope: "action-items:read", role: "viewer", label: "Read action items" },
  { scope: "action-items:write", role: "responder", label: "Create action items and change their status" },
  { scope: "runbooks:read", role: "viewer", label: "Read and export runbooks" },
  { scope: "post-mortems:read", role: "viewer", label: "Read post-mortems and export published ones" },
  { scope: "workspace:read", role: "viewer", label: "Read services and teams" },
  { scope: "admin:read", role: "admin", label: "Read the people in the workspace" },
] as const satisfies readonly { scope: string; role: UserRole; label: string }[];

export type ApiScope = (typeof apiScopes)[number]["scope"];
export const apiScopeNames = apiScopes.map((entry) => entry.scope) as [ApiScope, ...ApiScope[]];

const rank: Record<UserRole, number> = { viewer: 0, responder: 1, admin: 2 };

export const lowerRole = (a: UserRole, b: UserRole): UserRole => (rank[a] <= rank[b] ? a : b);
export const roleAllows = (role: UserRole, needed: UserRole) => rank[role] >= rank[needed];
export const scopeRole = (scope: ApiScope): UserRole => apiScopes.find((entry) => entry.scope === scope)?.role ?? "admin";

/** The least role that covers every scope: what the token acts as. */
export function roleForScopes(scopes: readonly ApiScope[]): UserRole {
  return scopes.reduce<UserRole>((role, scope) => (roleAllows(role, scopeRole(scope)) ? role : scopeRole(scope)), "viewer");
}
