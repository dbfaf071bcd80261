import { describe, expect, it } from "vitest";
import { parseAlertmanager } from "@/server/alerts/formats/alertmanager";
import { parseGeneric } from "@/server/alerts/formats/generic";
import { body, Workload } from "./alert-load";

describe("the alert ingestion workload", () => {
  it("sends about one new fingerprint in ten, the rest from the firing pool", () => {
    const workload = new Workload("t", 100);
    const pool = new Set(workload.pool.map((alert) => alert.fingerprint));
    const picked = Array.from({ length: 20_000 }, () => workload.pick());
    const fresh = picked.filter((alert) => !pool.has(alert.fingerprint));
    expect(fresh.length / picked.length).toBeGreaterThan(0.09);
    expect(fresh.length / picked.length).toBeLessThan(0.11);
    expect(new Set(fresh.map((alert) => alert.fingerprint)).size).toBe(fresh.length);
    expect(workload.newSent).toBe(fresh.length);
  });

  it("labels mostly warning and info, a few critical", () => {
    const severities = new Workload("t", 5_000).pool.map((alert) => alert.labels.severity);
    const share = (name: string) => severities.filter((severity) => severity === name).length / severities.length;
    expect(share("critical")).toBeGreaterThan(0.05);
    expect(share("critical")).toBeLessThan(0.15);
    expect(share("warning") + share("info")).toBeGreaterThan(0.85);
  });

  it("builds payloads the app's parsers accept, keyed by the workload's fingerprints", () => {
    const [first, ...rest] = new Workload("t", 10).pool;
    const generic = parseGeneric(JSON.parse(body("generic", [first!])));
    expect("records" in generic && generic.records.map((record) => [record.fingerprint, record.action, record.tier])).toEqual([[first!.fingerprint, "firing", expect.any(String)]]);
    const batch = [first!, ...rest];
    const alertmanager = parseAlertmanager(JSON.parse(body("alertmanager", batch)));
    expect("records" in alertmanager && alertmanager.records.map((record) => record.fingerprint)).toEqual(batch.map((alert) => alert.fingerprint));
    expect(() => body("generic", batch)).toThrow();
  });
});
