"use client";

import { Button } from "@/components/ui/button";
import type { ShownToken } from "./alert-sources-admin";
import { CopyField } from "./copy-field";

/** The one time a token is visible: copy it now, it cannot be shown again (only rotated). */
export function TokenNotice({ shown, onDismiss }: { shown: ShownToken; onDismiss: () => void }) {
  return (
    <div role="status" className="grid gap-3 rounded-lg border border-border bg-card p-4">
      <p className="text-sm font-medium">Token for {shown.name}: copy it now. Daytwo keeps only a hash, so it will not be shown again; if it is lost, rotate it.</p>
      <CopyField label={`Token for ${shown.name}`} value={shown.token} />
      <div>
        <Button type="button" size="sm" variant="outline" onClick={onDismiss}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}
