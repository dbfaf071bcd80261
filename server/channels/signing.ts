// Standard Webhooks signatures (the `standardwebhooks` library, the spec's own): `webhook-id`,
// `webhook-timestamp` and `webhook-signature`. While a secret is being rotated, the previous one signs
// too (space-separated signatures), so receivers can switch at their own pace.
import { Webhook } from "standardwebhooks";

export function generateWebhookSecret(bytes: Buffer): string {
  return `whsec_${bytes.toString("base64")}`;
}

export function signedHeaders(deliveryId: string, body: string, secrets: string[], at: Date): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(deliveryId, at, body));
  return {
    "webhook-id": deliveryId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
