import { randomBytes } from "node:crypto";
import type http from "node:http";

// Headers every answer carries: no framing (clickjacking), no MIME sniffing, no incident paths in the
// Referer sent to other sites, and on pages a Content-Security-Policy whose scripts must carry this
// request's nonce, so injected markup cannot run script even if it got past the editor's schema.

export type PolicySettings = {
  isDev: boolean;
  /** Where the OIDC sign-in form's redirect goes (form-action covers redirects after a submit). */
  oidcIssuer?: string;
};

const baseHeaders = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
} as const;

/** The policy for one page; `nonce` goes on every script Next renders. */
export function contentSecurityPolicy(nonce: string, settings: PolicySettings & { host?: string }): string {
  // The host comes from the request; only a plain host[:port] goes into the header.
  const host = settings.host && /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(settings.host) ? settings.host : null;
  const formTargets = ["'self'", settings.oidcIssuer ? new URL(settings.oidcIssuer).origin : null].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    // strict-dynamic: chunks loaded by a nonced script are trusted too. Dev mode's refresh runtime evals.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.isDev ? " 'unsafe-eval'" : ""}`,
    // Radix, tiptap and Next set style attributes at run time; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // 'self' covers the co-editing WebSocket on the same host in current browsers; ws:/wss: of the
    // page's own host are named for the ones that do not.
    `connect-src 'self'${host ? ` ws://${host} wss://${host}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Sets the headers on `res`. For pages, also hands the policy to Next through the request: Next reads
 * the nonce from the request's Content-Security-Policy header and puts it on its own scripts.
 */
export function applySecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse, options: { isPage: boolean } & PolicySettings): void {
  for (const [name, value] of Object.entries(baseHeaders)) res.setHeader(name, value);
  // Only Daytwo sets the policy Next reads its nonce from, never the client.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  if (!options.isPage) return;
  const nonce = randomBytes(16).toString("base64");
  const policy = contentSecurityPolicy(nonce, { ...options, host: req.headers.host });
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}

/** The nonce of a policy set by applySecurityHeaders, for inline scripts a page renders itself. */
export function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
