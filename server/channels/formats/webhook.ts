// Generic webhooks carry the outgoing event itself, `{ type, timestamp, data }`, as JSON.
import type { Formatter } from "./formatted";

export const formatWebhook: Formatter = (event) => ({ kind: "http", body: JSON.stringify(event) });
