"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

/** Once the incident is resolved, asks each responder whether the runbooks they used helped. */
export function RunbookFeedbackPrompt({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const pending = useQuery(trpc.runbooks.pendingFeedback.queryOptions({ incidentId }));
  if (!pending.data?.length) return null;
  return (
    <div className="grid gap-2">
      {pending.data.map((item) => (
        <FeedbackForm key={item.incidentRunbookId} incidentId={incidentId} runbook={item.runbook} />
      ))}
    </div>
  );
}

function FeedbackForm({ incidentId, runbook }: { incidentId: string; runbook: { id: string; title: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const give = useMutation(
    trpc.runbooks.giveFeedback.mutationOptions({
      onSuccess: async () => {
        toast.success("Thanks — the runbook's owners will see it");
        await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const answer = (helpful: boolean) => give.mutate({ runbookId: runbook.id, incidentId, helpful, comment });
  const questionId = `feedback-${runbook.id}`;
  return (
    <section aria-labelledby={questionId} className="grid gap-2 rounded-md border border-primary/40 bg-primary/5 p-3" data-testid="runbook-feedback">
      <p id={questionId} className="text-sm font-medium break-words">
        Was this runbook helpful? “{runbook.title}”
      </p>
      <Textarea
        aria-label={`Comment on “${runbook.title}” (optional)`}
        placeholder="What was missing or wrong? (optional)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={2000}
        rows={2}
      />
      <div className="flex gap-2">
        <Button type="button" size="sm" variant="outline" disabled={give.isPending} onClick={() => answer(true)}>
          Yes
        </Button>
        <Button type="button" size="sm" variant="outline" disabled={give.isPending} onClick={() => answer(false)}>
          No
        </Button>
      </div>
    </section>
  );
}
