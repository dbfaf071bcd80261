// tRPC's resolveResponse takes a Web Request, but for a GET (queries and subscriptions) reads only a
// few of its parts: method, url, a header or two and the abort signal.
// Constructing a real Request per call (a copied Headers, a parsed URL, a signal that follows another)
// cost more than the rest of the adaptation, so the hot paths hand over an object with just those
// parts. It has Request's prototype so `instanceof Request` holds; the parts it defines shadow the
// prototype's, and nothing else of it is read.
import type http from "node:http";

type Parts = { method: string; url: string; headers: http.IncomingHttpHeaders; signal: AbortSignal };

export function requestShaped({ method, url, headers, signal }: Parts): Request {
  return Object.setPrototypeOf({ method, url, headers: headerReader(headers), signal }, Request.prototype) as Request;
}

/** Headers' reading half over Node's already parsed ones (names arrive lower-cased). */
function headerReader(headers: http.IncomingHttpHeaders) {
  const read = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  return {
    get: read,
    has: (name: string) => read(name) !== null,
    forEach(callback: (value: string, name: string) => void) {
      for (const name of Object.keys(headers)) {
        const value = read(name);
        if (value !== null) callback(value, name);
      }
    },
  };
}

/** A signal that aborts when the client goes away before the answer is complete. */
export function abortedOnClose(res: http.ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableEnded) controller.abort();
  });
  return controller.signal;
}
