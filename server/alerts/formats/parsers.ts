import type { AlertSourceKind } from "@/db/enums";
import type { AlertRecord } from "./alert-record";
import { parseAlertmanager } from "./alertmanager";
import { parseGeneric } from "./generic";
import { parseGrafana } from "./grafana";
import { parsePagerduty } from "./pagerduty";

// A source has one kind, so a payload is read as that kind's format, and a mismatch names it.
export const payloadParsers: Record<AlertSourceKind, (body: unknown) => { records: AlertRecord[] } | { problem: string }> = {
  alertmanager: parseAlertmanager,
  grafana: parseGrafana,
  pagerduty: parsePagerduty,
  generic: parseGeneric,
};
