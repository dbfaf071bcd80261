import { randomUUID } from "node:crypto";
import { can } from "@/server/auth/can";
import type { ServiceContext } from "@/server/context";
import { forbidden, invalid } from "@/server/errors";
import { payloadParsers } from "../formats/parsers";
import { storeAlerts } from "../store-alerts";
import { loadSource } from "./present";
import { samplePayload } from "./sample-payloads";

/**
 * Ingests a sample alert in the source's own format through the same parser and store a delivery
 * uses (the credentials check is the one step skipped: the admin is signed in).
 */
export async function sendTestAlert({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  if (!can(ctx.actor, "admin")) throw forbidden("Only admins can send test alerts.");
  const source = await loadSource(ctx.db, input.id);
  if (!source.isEnabled) throw invalid("This source is disabled; enable it to receive alerts, then send a test.");
  const parsed = payloadParsers[source.kind](samplePayload(source.kind, `daytwo-test-${randomUUID()}`));
  if ("problem" in parsed) throw new Error(`sample payload rejected: ${parsed.problem}`);
  const [stored] = await storeAlerts(ctx.db, source, parsed.records, ctx.now?.() ?? new Date());
  if (!stored) throw new Error("test alert not stored");
  return { alertId: stored.id, message: "A test alert was received. It is listed with this source's alerts." };
}
