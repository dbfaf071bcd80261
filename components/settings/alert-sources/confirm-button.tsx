"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

type Props = {
  label: string;
  accessibleLabel?: string;
  title: string;
  description: string;
  confirm: string;
  isDestructive?: boolean;
  isPending: boolean;
  onConfirm: () => Promise<unknown>;
};

/** A button that asks first, saying what will happen; the dialog closes once the action succeeded. */
export function ConfirmButton({ label, accessibleLabel, title, description, confirm, isDestructive = false, isPending, onConfirm }: Props) {
  const [isOpen, setOpen] = useState(false);
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="outline" aria-label={accessibleLabel}>
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button
            variant={isDestructive ? "destructive" : "default"}
            disabled={isPending}
            onClick={() =>
              onConfirm().then(
                () => setOpen(false),
                () => undefined,
              )
            }
          >
            {confirm}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
