import { describe, expect, it } from "vitest";
import { sampleEvents } from "@/test/sample-events";
import { timelineEventKinds } from "./events/catalogue";
import { describeEvent } from "./timeline-text";

describe("timeline text", () => {
  it("has a sentence for every kind, never the bare kind", () => {
    expect(sampleEvents.map((event) => event.kind).sort()).toEqual([...timelineEventKinds].sort());
    for (const event of sampleEvents) {
      const sentence = describeEvent({ ...event, body: null });
      expect(sentence, event.kind).not.toBe(event.kind);
      expect(sentence, event.kind).not.toMatch(/undefined|\[object/);
    }
  });

  it("tells what happened in words people use", () => {
    const text = Object.fromEntries(sampleEvents.map((event) => [event.kind, describeEvent({ ...event, body: null })]));
    expect(text).toMatchObject({
      "status.changed": "Status Triage → Investigating",
      "post_mortem.published": "Post-mortem published (revision 1)",
      "runbook.step_done": "Checkout rollback: step 2/3 done — Roll back",
      "runbook.step_noted": 'Checkout rollback: note on "Roll back"',
      "runbook.rated": "Runbook Checkout rollback was helpful",
      "alert.attached": "Alert attached: 5xx rate high (service=checkout)",
      "milestone.corrected": "Detected corrected: not set → 2026-11-02 09:30 UTC",
    });
  });
});
