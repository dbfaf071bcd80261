// Reads a request body up to a limit, so a sender cannot make the server hold an unbounded body in
// memory: the read stops at the first byte past the limit.
export const MAX_ALERT_BODY = 1024 * 1024;

export async function readBoundedBody(request: Request, limit = MAX_ALERT_BODY): Promise<Buffer | "too_large"> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return "too_large";
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return "too_large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
