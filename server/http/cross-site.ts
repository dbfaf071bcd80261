import type http from "node:http";

// Cross-site request forgery: another site can make a signed-in browser send a form POST (urlencoded,
// multipart or text/plain) to Daytwo with the session cookie attached. Every state change arrives as a
// POST (tRPC mutations, server actions, Auth.js), so writes are refused here, for every route at once,
// unless the browser says they come from Daytwo's own pages.

export type SiteSettings = {
  /** AUTH_URL: the public address, when Daytwo sits behind a proxy that rewrites Host. */
  authUrl?: string;
  /** TRUST_PROXY: the proxy's X-Forwarded-Host names the host the browser used. */
  trustProxy: boolean;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const CROSS_SITE_MESSAGE = "This request came from another site, so Daytwo refused it. Open Daytwo itself and try again.";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

/** Whether a request may change state: safe methods always; writes only from the app's own origin. */
export function isSameSiteWrite(req: Pick<http.IncomingMessage, "method" | "headers" | "url">, settings: SiteSettings): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET")) return true;
  // The identity provider's answer: Auth.js checks its state, PKCE and nonce, and a provider using
  // form_post posts it from the provider's own origin.
  if (req.method === "POST" && isAuthCallback(req)) return true;
  // Monitoring systems posting alerts: authenticated by the source's token or HMAC signature, never by
  // a cookie, so a forged cross-site post gains nothing; and senders use whatever content type they like.
  if (req.method === "POST" && (req.url?.startsWith("/api/alerts/") ?? false)) return true;
  // The REST API: authenticated only by a bearer token (never a cookie), so a forged request from
  // another site carries nothing that would let it act.
  if (req.url?.startsWith("/api/v1/")) return true;
  const origin = first(req.headers.origin);
  if (origin) return isOwnOrigin(origin, req, settings);
  // Browsers send Origin with every cross-origin POST; without one, refuse what a browser flags as
  // cross-site, and anything but JSON, which no page on another site can send without Daytwo's consent.
  if (first(req.headers["sec-fetch-site"]) === "cross-site") return false;
  return /^application\/json\s*(;|$)/i.test(first(req.headers["content-type"]) ?? "");
}

/**
 * For WebSocket upgrades (GET, so not covered above): a page on another site may open a socket to
 * Daytwo, and same-site cookies go with it. Browsers always send Origin on a WebSocket handshake.
 */
export function isOwnOriginSocket(req: Pick<http.IncomingMessage, "headers">, settings: SiteSettings): boolean {
  const origin = first(req.headers.origin);
  return origin === undefined || isOwnOrigin(origin, req, settings);
}

function isAuthCallback(req: Pick<http.IncomingMessage, "url">): boolean {
  return req.url?.startsWith("/api/auth/callback/") ?? false;
}

function isOwnOrigin(origin: string, req: Pick<http.IncomingMessage, "headers">, settings: SiteSettings): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // "null" (sandboxed frames, privacy redirects) and anything malformed.
    return false;
  }
  if (settings.authUrl && parsed.origin === new URL(settings.authUrl).origin) return true;
  const host = (settings.trustProxy ? first(req.headers["x-forwarded-host"]) : undefined) ?? first(req.headers.host);
  return host !== undefined && parsed.host === host.toLowerCase();
}

/** `listener` behind the gate: a cross-site write is answered 403 and never reaches it. */
export function refuseCrossSiteWrites(listener: http.RequestListener, settings: SiteSettings): http.RequestListener {
  return (req, res) => {
    if (isSameSiteWrite(req, settings)) listener(req, res);
    else refuseCrossSite(req, res);
  };
}

/** Answers a refused write with 403 and a sentence; tRPC clients get tRPC's error shape. */
function refuseCrossSite(req: http.IncomingMessage, res: http.ServerResponse): void {
  const isApi = req.url?.startsWith("/api/trpc/") ?? false;
  const body = isApi ? JSON.stringify({ error: { message: CROSS_SITE_MESSAGE, code: -32003 } }) : CROSS_SITE_MESSAGE;
  res.writeHead(403, { "content-type": isApi ? "application/json" : "text/plain; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
