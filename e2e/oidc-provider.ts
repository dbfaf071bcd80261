// A real, certified OpenID Connect provider (panva/oidc-provider) with its development login
// screens, so single sign-on is tested end to end without any outside service.
import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_PORT = 3190;

type Users = Record<string, { email: string; name: string; isVerified: boolean }>;

/**
 * `emailOnlyInUserinfo`: the standard's own shape (conformIdTokenClaims) — with an access token issued,
 * email and email_verified come only from the userinfo endpoint, never in the ID token.
 */
export function startOidcProvider(appBaseUrl: string, users: Users, options: { emailOnlyInUserinfo?: boolean } = {}): Promise<Server> {
  const provider = new Provider(`http://127.0.0.1:${OIDC_PORT}`, {
    clients: [
      {
        client_id: "daytwo-e2e",
        client_secret: "daytwo-e2e-secret",
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["daytwo-e2e-cookie-key"] },
    features: { devInteractions: { enabled: true } },
    // By default email and email_verified go in the ID token too, as Google, Keycloak and Okta do.
    conformIdTokenClaims: options.emailOnlyInUserinfo ?? false,
    async findAccount(_ctx, sub) {
      const user = users[sub];
      return { accountId: sub, claims: async () => ({ sub, email: user?.email, email_verified: user?.isVerified ?? false, name: user?.name }) };
    },
  });
  return new Promise((resolve) => {
    const server = provider.listen(OIDC_PORT, "127.0.0.1", () => resolve(server));
  });
}
