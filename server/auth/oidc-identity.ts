import { logger } from "@/server/log";

// Who signed in through OIDC. Providers that follow the standard to the letter (oidc-provider with
// conformIdTokenClaims, and others) put email and email_verified only in the userinfo answer when an
// access token is issued, so the ID token's claims are completed from userinfo when they lack them.
// Either way an account is matched or created only for an email the provider says it verified.

export type OidcClaims = { sub?: string | null; email?: string | null; email_verified?: unknown; name?: string | null };
export type OidcIdentity = { email: string; name: string };

const TIMEOUT_MS = 10_000;

export async function verifiedOidcIdentity(input: { claims: OidcClaims | undefined; accessToken: string | undefined; issuer: string }): Promise<OidcIdentity | null> {
  let claims = input.claims ?? {};
  if ((!claims.email || claims.email_verified === undefined) && input.accessToken && claims.sub) {
    const fromUserinfo = await userinfoClaims(input.issuer, input.accessToken);
    // The standard's rule: userinfo speaks for the ID token's subject only.
    if (fromUserinfo?.sub === claims.sub) claims = { ...claims, ...fromUserinfo };
    else if (fromUserinfo) logger.warn({ issuer: input.issuer }, "OIDC userinfo answered for another subject; ignored");
  }
  if (!claims.email || claims.email_verified !== true) return null;
  return { email: claims.email, name: claims.name || claims.email.split("@")[0] || claims.email };
}

async function userinfoClaims(issuer: string, accessToken: string): Promise<OidcClaims | null> {
  // Discovery as Auth.js does it: the issuer with /.well-known/openid-configuration appended.
  const discovery = await getJson(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  const endpoint = typeof discovery?.userinfo_endpoint === "string" ? discovery.userinfo_endpoint : null;
  if (!endpoint) return null;
  // A signed or encrypted (JWT) userinfo answer is not read: getJson refuses non-JSON bodies.
  const claims = await getJson(endpoint, { authorization: `Bearer ${accessToken}`, accept: "application/json" });
  return claims as OidcClaims | null;
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown> | null> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
    if (!response.ok || !/^application\/json/i.test(response.headers.get("content-type") ?? "")) {
      logger.warn({ url, status: response.status }, "OIDC provider answered without JSON");
      return null;
    }
    const body: unknown = await response.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch (error) {
    logger.warn({ err: error, url }, "OIDC provider could not be reached");
    return null;
  }
}
