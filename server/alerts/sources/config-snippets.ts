// Copy-paste configuration for a source's sender. The token is shown once, so snippets carry the
// TOKEN_PLACEHOLDER; the page fills in the real token while it still has it.
import type { AlertSource } from "@/db/schema";
import { sourceUrl } from "./present";
import { samplePayload } from "./sample-payloads";

export const TOKEN_PLACEHOLDER = "<TOKEN>";

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export function configSnippets(source: AlertSource) {
  const url = sourceUrl(source.id);
  const hmac = source.hmacSecretEncrypted !== null;
  const alertmanager = [
    ...(hmac ? ["# This source requires an HMAC signature, which Alertmanager cannot send: remove the secret to use Alertmanager."] : []),
    "receivers:",
    "  - name: daytwo",
    "    webhook_configs:",
    `      - url: ${url}`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    "            type: Bearer",
    `            credentials: ${TOKEN_PLACEHOLDER}`,
  ].join("\n");
  const grafana = [
    "Alerting → Contact points → Add contact point",
    "Integration: Webhook",
    `URL: ${url}`,
    "HTTP method: POST",
    hmac
      ? `Optional Webhook settings → HMAC signature: the secret you set here; header: ${source.hmacHeader}${source.timestampHeader ? `; timestamp header: ${source.timestampHeader}` : ""}`
      : `Optional Webhook settings → Authorization header: scheme Bearer, credentials ${TOKEN_PLACEHOLDER}`,
  ].join("\n");
  const body = samplePayload(source.kind, "daytwo-curl-test");
  if (source.kind === "pagerduty") body.routing_key = TOKEN_PLACEHOLDER;
  const auth = source.kind === "pagerduty" ? "" : hmac ? ` -H ${shellQuote(`${source.hmacHeader}: <hex HMAC-SHA256 of the body>`)}` : ` -H ${shellQuote(`Authorization: Bearer ${TOKEN_PLACEHOLDER}`)}`;
  const curl = `curl -sS -X POST ${shellQuote(url)} -H 'Content-Type: application/json'${auth} -d ${shellQuote(JSON.stringify(body))}`;
  return { alertmanager, grafana, curl };
}
