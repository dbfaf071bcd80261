import { describe, expect, it } from "vitest";
import { sseEvents } from "@/lib/live/sse-events";
import { markersIn } from "./fanout-subscriber";

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe("the fan-out watcher", () => {
  it("finds note markers wherever the message puts them, today's shape or the next", () => {
    const today = { type: "event", event: { seq: 7, body: "Fan-out bench note fanout:3:1700000000000 — watching" } };
    const next = { type: "events", version: 9, events: [{ body: "fanout:4:1700000000100" }, { data: { text: "two in one: fanout:5:1700000000200 fanout:6:1700000000300" } }] };
    expect([...markersIn(today)]).toEqual([[3, 1700000000000]]);
    expect([...markersIn(next)]).toEqual([
      [4, 1700000000100],
      [5, 1700000000200],
      [6, 1700000000300],
    ]);
    expect([...markersIn({ type: "changed" })]).toEqual([]);
  });

  it("counts a note repeated inside one message once: duplicates are across messages", () => {
    expect(markersIn({ event: { body: "fanout:1:5" }, incident: { lastNote: "fanout:1:5" } }).size).toBe(1);
  });

  it("reads SSE events split anywhere across chunks, with CRLF, ids and multi-line data", async () => {
    const events = [];
    for await (const event of sseEvents(streamOf("event: connected\r\ndata: {}\r\n\r\nid: 1", '2\ndata: {"a":\ndata: 1}\n\n: comment\n\nevent: ping\ndata: \n\n'))) events.push(event);
    expect(events).toEqual([
      { event: "connected", data: "{}", id: null },
      { event: "message", data: '{"a":\n1}', id: "12" },
      { event: "ping", data: "", id: null },
    ]);
  });
});
