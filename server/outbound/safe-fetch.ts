// The one way Daytwo sends a request out. The host is resolved here and the connection goes to the
// address that was checked (a DNS answer cannot change between the check and the connect); redirects
// are followed by hand, each hop checked again; 10 s in all; the answer is read up to a bound.
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isAllowListed, isRefusedAddress, normalizeHost } from "./address-policy";

export const OUTBOUND_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 3;
const MAX_RESPONSE_BYTES = 64 * 1024;

export type OutboundRequest = { url: string; method?: "POST" | "GET"; headers?: Record<string, string>; body?: string; allowList: readonly string[]; timeoutMs?: number };
export type OutboundResponse = { status: number; headers: Record<string, string>; body: string; durationMs: number };

/** A request that was never answered: refused by policy, unresolvable, unreachable, timed out. */
export class OutboundError extends Error {
  constructor(
    readonly reason: "refused" | "unresolvable" | "unreachable" | "timeout" | "invalid_url" | "too_many_redirects",
    message: string,
  ) {
    super(message);
  }
}

/** Parses and checks a URL an admin typed: http(s), with a host. Returns a message when unusable. */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "This is not a URL; paste the whole address, starting with https://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Use an http:// or https:// address.";
  if (url.username || url.password) return "Leave credentials out of the URL; Daytwo signs its requests instead.";
  return null;
}

async function vettedAddress(host: string, allowList: readonly string[]): Promise<{ address: string; family: number }> {
  const bare = normalizeHost(host);
  const literal = isIP(bare);
  const answers = literal ? [{ address: bare, family: literal }] : await dns.lookup(bare, { all: true, verbatim: true }).catch(() => []);
  if (answers.length === 0) throw new OutboundError("unresolvable", `The host ${bare} could not be resolved.`);
  if (isAllowListed(bare, allowList)) return answers[0]!;
  // Every answer must be public: otherwise a name with one public and one private record would do.
  if (answers.some((answer) => isRefusedAddress(answer.address))) {
    throw new OutboundError("refused", `${bare} resolves to a private or local address. An admin can allow this host under Settings → Notifications.`);
  }
  return answers[0]!;
}

function once(url: URL, request: OutboundRequest, pinned: { address: string; family: number }, deadline: number): Promise<OutboundResponse> {
  const started = performance.now();
  const lookup: LookupFunction = (_host, _options, callback) => callback(null, pinned.address, pinned.family);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: request.method ?? "POST", headers: request.headers, lookup, timeout: Math.max(1, deadline - Date.now()) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) res.destroy();
      });
      const finish = () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")])),
          body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8"),
          durationMs: Math.round(performance.now() - started),
        });
      res.on("end", finish);
      res.on("close", finish);
      res.on("error", finish);
    });
    req.on("timeout", () => req.destroy(new OutboundError("timeout", `No answer within ${Math.round((request.timeoutMs ?? OUTBOUND_TIMEOUT_MS) / 1000)} s.`)));
    req.on("error", (error) => reject(error instanceof OutboundError ? error : new OutboundError("unreachable", `Could not connect: ${error.message}`)));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

export async function safeFetch(request: OutboundRequest): Promise<OutboundResponse> {
  const problem = urlProblem(request.url);
  if (problem) throw new OutboundError("invalid_url", problem);
  const deadline = Date.now() + (request.timeoutMs ?? OUTBOUND_TIMEOUT_MS);
  let url = new URL(request.url);
  for (let hop = 0; ; hop++) {
    const response = await once(url, request, await vettedAddress(url.hostname, request.allowList), deadline);
    const location = response.headers.location;
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return response;
    if (hop >= MAX_REDIRECTS) throw new OutboundError("too_many_redirects", `More than ${MAX_REDIRECTS} redirects.`);
    url = new URL(location, url);
    const next = urlProblem(url.toString());
    if (next) throw new OutboundError("invalid_url", `Redirected to an unusable address: ${next}`);
  }
}
