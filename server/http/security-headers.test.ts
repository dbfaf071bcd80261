import http from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, nonceOf } from "./security-headers";

function exchange(url: string, headers: Record<string, string> = {}) {
  const req = new http.IncomingMessage(new Socket());
  req.url = url;
  req.headers = { host: "localhost:3000", ...headers };
  return { req, res: new http.ServerResponse(req) };
}

describe("security headers", () => {
  it("forbid framing and sniffing, and keep paths out of other sites' Referer, on every answer", () => {
    const { req, res } = exchange("/api/trpc/teams.list");
    applySecurityHeaders(req, res, { isPage: false, isDev: false });
    expect(res.getHeader("x-frame-options")).toBe("DENY");
    expect(res.getHeader("x-content-type-options")).toBe("nosniff");
    expect(res.getHeader("referrer-policy")).toBe("same-origin");
    expect(res.getHeader("content-security-policy")).toBeUndefined();
  });

  it("give each page a fresh nonce, in the answer and in the request Next reads it from", () => {
    const first = exchange("/incidents");
    const second = exchange("/incidents");
    applySecurityHeaders(first.req, first.res, { isPage: true, isDev: false });
    applySecurityHeaders(second.req, second.res, { isPage: true, isDev: false });
    const policy = String(first.res.getHeader("content-security-policy"));
    expect(first.req.headers["content-security-policy"]).toBe(policy);
    expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(policy)).not.toBe(nonceOf(String(second.res.getHeader("content-security-policy"))));
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self' ws://localhost:3000 wss://localhost:3000");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("never take a policy (and so a nonce) from the client", () => {
    const { req, res } = exchange("/api/post-mortems/x/markdown", { "content-security-policy": "script-src 'nonce-chosen-by-attacker'" });
    applySecurityHeaders(req, res, { isPage: false, isDev: false });
    expect(req.headers["content-security-policy"]).toBeUndefined();
  });

  it("allow eval only in dev mode, and the OIDC provider as a form target", () => {
    const policy = contentSecurityPolicy("abc", { isDev: true, oidcIssuer: "https://sso.example.com/realms/x" });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'");
    expect(policy).toContain("form-action 'self' https://sso.example.com");
  });

  it("leave a Host header that is not a plain host out of the policy", () => {
    const policy = contentSecurityPolicy("abc", { isDev: false, host: "evil; script-src *" });
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toContain("script-src *");
  });
});
