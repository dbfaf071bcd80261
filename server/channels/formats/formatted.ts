// What a channel kind makes of an outgoing event: an HTTP body (Slack, Teams, generic webhooks) or an
// email (list addresses). Formatters are pure: the delivery worker signs, sends and retries.
import type { OutgoingEvent } from "@/lib/outgoing-events";

export type Formatted = { kind: "http"; body: string } | { kind: "email"; subject: string; text: string };
export type Formatter = (event: OutgoingEvent) => Formatted;
