// The rules for an OIDC sign-in's email, against an issuer served over real HTTP (discovery and
// userinfo). e2e/oidc.spec.ts runs both shapes against a certified provider (panva/oidc-provider).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifiedOidcIdentity } from "./oidc-identity";

// Userinfo answers by access token, as a provider would for the person the token was issued to.
const userinfoByToken: Record<string, Record<string, unknown>> = {
  "token-verified": { sub: "u1", email: "uma@sso.example.com", email_verified: true, name: "Uma Userinfo" },
  "token-unverified": { sub: "u2", email: "ugo@sso.example.com", email_verified: false },
  "token-other-subject": { sub: "someone-else", email: "eve@sso.example.com", email_verified: true },
};

let server: http.Server;
let issuer: string;
const userinfoCalls: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration") return json(200, { issuer, userinfo_endpoint: `${issuer}/me` });
    if (req.url === "/me") {
      const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
      userinfoCalls.push(token);
      const claims = userinfoByToken[token];
      return claims ? json(200, claims) : json(401, { error: "invalid_token" });
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the email of an OIDC sign-in", () => {
  it("comes from the ID token when it carries a verified one, without asking userinfo", async () => {
    const calls = userinfoCalls.length;
    const identity = await verifiedOidcIdentity({ claims: { sub: "u0", email: "ida@sso.example.com", email_verified: true, name: "Ida" }, accessToken: "token-verified", issuer });
    expect(identity).toEqual({ email: "ida@sso.example.com", name: "Ida" });
    expect(userinfoCalls.length).toBe(calls);
  });

  it("comes from userinfo when the ID token has none (the standard's shape)", async () => {
    expect(await verifiedOidcIdentity({ claims: { sub: "u1" }, accessToken: "token-verified", issuer })).toEqual({ email: "uma@sso.example.com", name: "Uma Userinfo" });
  });

  it("is refused when userinfo says it is not verified", async () => {
    expect(await verifiedOidcIdentity({ claims: { sub: "u2" }, accessToken: "token-unverified", issuer })).toBeNull();
  });

  it("is refused when the ID token's email is unverified, whatever userinfo says of another subject", async () => {
    expect(await verifiedOidcIdentity({ claims: { sub: "u3", email: "x@sso.example.com", email_verified: false }, accessToken: "token-verified", issuer })).toBeNull();
    expect(await verifiedOidcIdentity({ claims: { sub: "u3" }, accessToken: "token-other-subject", issuer })).toBeNull();
  });

  it("is refused, not an error, when userinfo refuses the token or the provider is unreachable", async () => {
    expect(await verifiedOidcIdentity({ claims: { sub: "u4" }, accessToken: "expired", issuer })).toBeNull();
    expect(await verifiedOidcIdentity({ claims: { sub: "u4" }, accessToken: "token-verified", issuer: "http://127.0.0.1:9" })).toBeNull();
  });
});
