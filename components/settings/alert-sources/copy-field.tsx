"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

/** A value shown as code with a copy button; `label` names both for screen readers. */
export function CopyField({ label, value, isBlock = false }: { label: string; value: string; isBlock?: boolean }) {
  const [isCopied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <div className="grid min-w-0 grid-cols-1 gap-1">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        <Button type="button" size="sm" variant="outline" onClick={copy} aria-label={`Copy ${label}`}>
          {isCopied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          <span aria-live="polite">{isCopied ? "Copied" : "Copy"}</span>
        </Button>
      </div>
      {isBlock ? (
        <pre tabIndex={0} aria-label={label} className="max-w-full overflow-x-auto rounded-md border border-border bg-muted p-2 text-xs whitespace-pre">
          {value}
        </pre>
      ) : (
        <code aria-label={label} className="block max-w-full overflow-x-auto rounded-md border border-border bg-muted p-2 text-xs break-all">
          {value}
        </code>
      )}
    </div>
  );
}
