"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors, type FormErrors } from "@/components/ui/field-error";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";
import { formatDate } from "@/lib/time-format";
import type { Editor } from "@tiptap/react";
import { emptySections, type EmptySection } from "@/lib/editor/empty-sections";
import { EmptySectionsDialog } from "./empty-sections-dialog";

type PostMortem = inferRouterOutputs<AppRouter>["postMortems"]["get"];
const decisionLabel = { pending: "waiting", approved: "approved", changes_requested: "asked for changes" } as const;

/** Review workflow: send for review, approve or ask for changes, publish, reopen. */
export function ReviewBar({ postMortem, meId, editor = null }: { postMortem: PostMortem; meId: string; editor?: Editor | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const callbacks = (success: string) => ({
    onSuccess: async () => {
      toast.success(success);
      await queryClient.invalidateQueries({ queryKey: trpc.postMortems.pathKey() });
    },
    onError: (error: unknown) => toast.error(errorMessage(error)),
  });
  // A refusal that names a field is shown beside it; any other still arrives as a toast.
  const requestErrors = useFormErrors("review-request", ["reviewerIds", "dueAt"] as const);
  const decideErrors = useFormErrors("review-decision", ["comment"] as const);
  const besideOrToast =
    <F extends string>(errors: FormErrors<F>) =>
    (error: unknown) => {
      if (errors.show(error).length === 0) toast.error(errorMessage(error));
    };
  const requestReview = useMutation(trpc.postMortems.requestReview.mutationOptions({ ...callbacks("Sent for review"), onError: besideOrToast(requestErrors) }));
  const decide = useMutation(trpc.postMortems.decideReview.mutationOptions({ ...callbacks("Review recorded"), onError: besideOrToast(decideErrors) }));
  const publish = useMutation(trpc.postMortems.publish.mutationOptions(callbacks("Published")));
  const reopen = useMutation(trpc.postMortems.reopen.mutationOptions(callbacks("Reopened as a new revision")));
  const options = useQuery({ ...trpc.incidents.formOptions.queryOptions(), enabled: postMortem.canAct });
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState("");
  const [comment, setComment] = useState("");
  const [isRequestOpen, setRequestOpen] = useState(false);
  const [empty, setEmpty] = useState<EmptySection[]>([]);
  const myReview = postMortem.reviews.find((r) => r.reviewer.id === meId);
  const allApproved = postMortem.reviews.length > 0 && postMortem.reviews.every((r) => r.decision === "approved");
  const id = postMortem.id;

  return (
    <section aria-label="Review" className="grid gap-3 rounded-md border p-3 text-sm" data-print-hidden>
      {postMortem.reviews.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Reviewers">
          {postMortem.reviews.map((review) => (
            <li key={review.reviewer.id} title={review.comment ?? undefined}>
              <Badge variant={review.decision === "approved" ? "success" : review.decision === "changes_requested" ? "warning" : "outline"}>
                {review.reviewer.name}: {decisionLabel[review.decision]}
              </Badge>
              {review.comment ? <span className="ml-1 text-muted-foreground">“{review.comment}”</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {postMortem.reviewDueAt && postMortem.status === "in_review" ? <p className="text-muted-foreground">Review due {formatDate(postMortem.reviewDueAt)}</p> : null}
      {postMortem.canAct ? (
        <div className="flex flex-wrap items-end gap-2">
          {postMortem.status === "draft" ? (
            <Dialog open={isRequestOpen} onOpenChange={setRequestOpen}>
              <DialogTrigger asChild>
                <Button size="sm">Send for review</Button>
              </DialogTrigger>
              <DialogContent>
                <DialogHeader>
                  <DialogTitle>Send for review</DialogTitle>
                  <DialogDescription>Reviewers approve or ask for changes. It can be published once everyone approved.</DialogDescription>
                </DialogHeader>
                <fieldset className="grid gap-1" {...requestErrors.inputProps("reviewerIds")}>
                  <legend className="mb-1 font-medium">Reviewers</legend>
                  {options.data?.responders
                    .filter((p) => p.id !== meId)
                    .map((person) => (
                      <label key={person.id} className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          checked={reviewerIds.includes(person.id)}
                          onChange={(e) => setReviewerIds(e.target.checked ? [...reviewerIds, person.id] : reviewerIds.filter((x) => x !== person.id))}
                        />
                        {person.name}
                      </label>
                    ))}
                  <FieldError errors={requestErrors} name="reviewerIds" />
                </fieldset>
                <div className="grid gap-1">
                  <Label htmlFor="review-due">Review due (optional)</Label>
                  <Input id="review-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} {...requestErrors.inputProps("dueAt")} />
                  <FieldError errors={requestErrors} name="dueAt" />
                </div>
                <DialogFooter>
                  <Button
                    disabled={reviewerIds.length === 0 || requestReview.isPending}
                    onClick={() => {
                      requestErrors.clear();
                      requestReview.mutate({ postMortemId: id, reviewerIds, ...(dueDate ? { dueAt: new Date(`${dueDate}T23:59:59`) } : {}) }, { onSuccess: () => setRequestOpen(false) });
                    }}
                  >
                    Send
                  </Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
          ) : null}
          {postMortem.status === "in_review" && myReview ? (
            <>
              <div className="grid min-w-64 flex-1 gap-1">
                <Label htmlFor="review-comment">Comment (needed when asking for changes)</Label>
                <Textarea id="review-comment" rows={1} value={comment} onChange={(e) => setComment(e.target.value)} {...decideErrors.inputProps("comment")} />
                <FieldError errors={decideErrors} name="comment" />
              </div>
              <Button
                size="sm"
                onClick={() => {
                  decideErrors.clear();
                  decide.mutate({ postMortemId: id, decision: "approved", comment: comment || undefined });
                }}
              >
                Approve
              </Button>
              <Button
                size="sm"
                variant="outline"
                onClick={() => {
                  decideErrors.clear();
                  decide.mutate({ postMortemId: id, decision: "changes_requested", comment });
                }}
              >
                Request changes
              </Button>
            </>
          ) : null}
          {postMortem.status === "in_review" && allApproved ? (
            <Button
              size="sm"
              // The empty-section check reads the document: Publish waits until the editor has it.
              disabled={!editor || publish.isPending}
              onClick={() => {
                // Empty sections are a warning, not a rule: the author decides (empty-sections-dialog.tsx).
                const found = editor ? emptySections(editor.state.doc) : [];
                if (found.length) setEmpty(found);
                else publish.mutate({ postMortemId: id });
              }}
            >
              Publish
            </Button>
          ) : null}
          {postMortem.status === "published" ? (
            <Button size="sm" variant="outline" onClick={() => reopen.mutate({ postMortemId: id })}>
              Reopen as a new revision
            </Button>
          ) : null}
        </div>
      ) : null}
      <EmptySectionsDialog
        editor={editor}
        sections={empty}
        onClose={() => setEmpty([])}
        onPublishAnyway={() => {
          setEmpty([]);
          publish.mutate({ postMortemId: id });
        }}
      />
    </section>
  );
}
