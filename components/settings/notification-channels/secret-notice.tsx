"use client";

import { CopyField } from "@/components/settings/alert-sources/copy-field";
import { Button } from "@/components/ui/button";

export type ShownSecret = { channelId: string; name: string; secret: string };

/** The one time a signing secret is visible: Daytwo keeps it sealed and never shows it again. */
export function SecretNotice({ shown, onDismiss }: { shown: ShownSecret; onDismiss: () => void }) {
  return (
    <div role="status" className="grid min-w-0 gap-3 rounded-lg border border-border bg-card p-4">
      <p className="text-sm font-medium">
        Signing secret for {shown.name}: copy it now into the receiver. It will not be shown again; if it is lost, rotate it. Requests carry Standard Webhooks headers (webhook-id, webhook-timestamp,
        webhook-signature).
      </p>
      <CopyField label={`Signing secret for ${shown.name}`} value={shown.secret} />
      <div>
        <Button type="button" size="sm" variant="outline" onClick={onDismiss}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
