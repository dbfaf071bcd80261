"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionItemDialog } from "./action-item-dialog";

/** A follow-up that belongs to no incident (e.g. from a review meeting): due in 30 days unless chosen. */
export function NewActionItemButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden /> New action item
      </Button>
      <ActionItemDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
