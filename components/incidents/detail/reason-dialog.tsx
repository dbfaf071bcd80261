"use client";

// Asked before a status change that needs a reason; loaded on demand by next-actions.tsx.
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FieldError, type FormErrors } from "@/components/ui/field-error";
import type { ReasonField } from "./reason-fields";
import { statusLabels, type IncidentStatus } from "@/lib/incident-lifecycle";

type Props = {
  pending: IncidentStatus;
  onClose: () => void;
  reason: string;
  onReason: (reason: string) => void;
  mergeInto: string;
  onMergeInto: (reference: string) => void;
  onConfirm: () => void;
  isPending: boolean;
  errors: FormErrors<ReasonField>;
};

export function ReasonDialog({ pending, onClose, reason, onReason, mergeInto, onMergeInto, onConfirm, isPending, errors }: Props) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{`${statusLabels[pending]}: say why`}</DialogTitle>
          <DialogDescription>The reason is kept on the timeline so nobody has to guess later.</DialogDescription>
        </DialogHeader>
        {pending === "merged" ? (
          <div className="grid gap-2">
            <Label htmlFor="merge-into">Merge into (reference)</Label>
            <Input id="merge-into" placeholder="INC-12" value={mergeInto} onChange={(e) => onMergeInto(e.target.value)} {...errors.inputProps("mergedIntoNumber")} />
            <FieldError errors={errors} name="mergedIntoNumber" />
          </div>
        ) : null}
        <div className="grid gap-2">
          <Label htmlFor="status-reason">Reason</Label>
          <Textarea id="status-reason" value={reason} onChange={(e) => onReason(e.target.value)} {...errors.inputProps("reason")} />
          <FieldError errors={errors} name="reason" />
        </div>
        <DialogFooter>
          <Button onClick={onConfirm} disabled={!reason.trim() || isPending}>
            Confirm
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
