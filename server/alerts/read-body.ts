// Reads a request body up to a limit, so a sender cannot make the server hold an unbounded body in
// memory: the read stops at the first byte past the limit.
import type http from "node:http";

export const MAX_ALERT_BODY = 1024 * 1024;

export function readBoundedBody(request: http.IncomingMessage, limit = MAX_ALERT_BODY): Promise<Buffer | "too_large"> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too_large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      request.off("data", onData).off("end", onEnd).off("error", reject);
      // The rest stays unread; the endpoint closes the connection after answering.
      request.pause();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        stop();
        resolve("too_large");
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, total));
    request.on("data", onData).on("end", onEnd).on("error", reject);
  });
}
