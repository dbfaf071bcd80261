import { describe, expect, it } from "vitest";
import { sampleEventData, sampleEvents } from "@/test/sample-events";
import { canonicalKind, legacyKinds, readStoredEvent, storedSpellings, timelineEventData, timelineEventKinds, timelineEventSchemas } from "./catalogue";

describe("the timeline event catalogue", () => {
  it("names every kind <entity>.<past_tense_verb> in snake_case", () => {
    const rule = /^[a-z]+(?:_[a-z]+)*\.(?:[a-z]+_)*(?:[a-z]+ed|done|undone)$/;
    expect(timelineEventKinds.filter((kind) => !rule.test(kind))).toEqual([]);
    expect(new Set(timelineEventKinds).size).toBe(timelineEventKinds.length);
  });

  it("accepts a real event of every kind and refuses one kind's data under another", () => {
    for (const event of sampleEvents) expect(timelineEventData.safeParse(event).success, event.kind).toBe(true);
    expect(timelineEventData.safeParse({ kind: "status.changed", data: sampleEventData["note.added"] }).success).toBe(false);
    expect(timelineEventSchemas["post_mortem.published"].safeParse({ postMortemId: "pm-1", revision: "1" }).success).toBe(false);
    expect(timelineEventData.safeParse({ kind: "postmortem.published", data: sampleEventData["post_mortem.published"] }).success).toBe(false);
  });

  it("reads a row stored under a legacy kind under today's name", () => {
    expect(readStoredEvent({ kind: "postmortem.published", data: { postMortemId: "pm-1", revision: 3 } })).toEqual({ kind: "post_mortem.published", data: { postMortemId: "pm-1", revision: 3 } });
    expect(canonicalKind("runbook_step_done")).toBe("runbook.step_done");
    expect(canonicalKind("note.added")).toBe("note.added");
    for (const [legacy, current] of Object.entries(legacyKinds)) {
      expect(timelineEventKinds).toContain(current);
      expect(timelineEventKinds).not.toContain(legacy);
    }
  });

  it("refuses a kind it has never heard of instead of guessing", () => {
    expect(() => canonicalKind("note_added_v2")).toThrow(/Unknown timeline event kind "note_added_v2"/);
  });

  it("filters by every spelling a kind was ever stored under", () => {
    expect(storedSpellings(["runbook.rated", "note.added"]).sort()).toEqual(["note.added", "runbook.rated", "runbook_feedback"]);
    expect(storedSpellings(["post_mortem.reviewed"]).sort()).toEqual(["post_mortem.reviewed", "postmortem.reviewed"]);
  });
});
