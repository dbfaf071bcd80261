// Reads a server-sent-events byte stream into events (fields as the HTML spec defines them; `retry`
// ignored). Used by the incident page's live stream (fetch, so it sees the answer's status and can
// resume from the cache's own position) and by the fan-out bench's watchers.
export type SseEvent = { event: string; data: string; id: string | null };

/** `onActivity`: called on every chunk, comments (pings) included, for an inactivity watchdog. */
export async function* sseEvents(body: ReadableStream<Uint8Array>, onActivity?: () => void): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | null = null;
  const reader = body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      onActivity?.();
      buffer += decoder.decode(chunk.value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (data.length > 0 || event) yield { event: event || "message", data: data.join("\n"), id };
          event = "";
          data = [];
          id = null;
          continue;
        }
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") data.push(value);
        else if (field === "event") event = value;
        else if (field === "id") id = value;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
