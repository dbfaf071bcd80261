"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { DocumentFlag } from "@/lib/blameless/document-flags";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

/** The panel's heading: the flag hint's "All flags" moves focus here. */
export const BLAME_PANEL_ID = "blameless-check-heading";

/** The open blameless flags, each with why it reads as blame, a reframing, and "dismiss with a reason". */
export function BlameFlagsPanel({
  postMortemId,
  flags,
  dismissed,
  canEdit,
  onDismissed,
}: {
  postMortemId: string;
  flags: DocumentFlag[];
  dismissed: Set<string>;
  canEdit: boolean;
  onDismissed: (key: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dismissing, setDismissing] = useState<{ key: string; reason: string } | null>(null);
  const dismiss = useMutation(
    trpc.postMortems.dismissFlag.mutationOptions({
      onSuccess: async (_data, input) => {
        onDismissed(input.flagKey);
        setDismissing(null);
        toast.success("Flag dismissed; the reason is on record.");
        await queryClient.invalidateQueries({ queryKey: trpc.postMortems.get.queryKey({ postMortemId }) });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const open = flags.filter((flag) => !dismissed.has(flag.key));
  const unique = [...new Map(open.map((flag) => [flag.key, flag])).values()];

  return (
    <section aria-label="Blameless check" className="grid gap-2 rounded-md border p-3 text-sm" data-print-hidden>
      <h2 id={BLAME_PANEL_ID} tabIndex={-1} className="font-medium focus-visible:outline-2 focus-visible:outline-ring">
        {unique.length === 0 ? "Blameless check: nothing flagged" : `Blameless check: ${unique.length} phrase${unique.length === 1 ? "" : "s"} to reword or dismiss`}
      </h2>
      <ul className="grid gap-2">
        {unique.map((flag) => (
          <li key={flag.key} className="grid gap-1 border-l-2 border-warning pl-2" data-testid="blame-flag">
            <p>
              <span className="font-medium">“{flag.excerpt}”</span> <span className="text-muted-foreground">· {flag.label}</span>
            </p>
            <p className="text-muted-foreground">{flag.why}</p>
            <p>Try: {flag.suggestion}</p>
            {canEdit ? (
              dismissing?.key === flag.key ? (
                <form
                  className="flex flex-wrap gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    dismiss.mutate({ postMortemId, flagKey: flag.key, reason: dismissing.reason });
                  }}
                >
                  <Input
                    aria-label={`Why “${flag.excerpt}” is fine here`}
                    value={dismissing.reason}
                    onChange={(e) => setDismissing({ key: flag.key, reason: e.target.value })}
                    className="h-8 flex-1"
                    placeholder="e.g. quoted from the customer's report"
                  />
                  <Button size="sm" type="submit" disabled={dismiss.isPending}>
                    Dismiss
                  </Button>
                </form>
              ) : (
                <Button size="sm" variant="ghost" className="justify-self-start" onClick={() => setDismissing({ key: flag.key, reason: "" })} aria-label={`Dismiss the flag on “${flag.excerpt}”`}>
                  Dismiss…
                </Button>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
