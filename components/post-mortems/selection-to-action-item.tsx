"use client";

import type { Editor } from "@tiptap/react";
import { ListPlus } from "lucide-react";
import { useEffect, useState } from "react";
import { ActionItemDialog } from "@/components/action-items/action-item-dialog";
import { Button } from "@/components/ui/button";

/** Select a sentence, then turn it into an owned action item linked to this post-mortem and its incident. */
export function SelectionToActionItem({ editor, postMortemId }: { editor: Editor | null; postMortemId: string }) {
  const [selection, setSelection] = useState("");
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      const { from, to } = editor.state.selection;
      setSelection(editor.state.doc.textBetween(from, to, " ").trim().slice(0, 300));
    };
    editor.on("selectionUpdate", update);
    return () => {
      editor.off("selectionUpdate", update);
    };
  }, [editor]);
  return (
    <>
      <Button size="sm" variant="outline" disabled={selection.length < 3} onClick={() => setOpen(true)} title="Select a sentence in the document first">
        <ListPlus className="size-4" aria-hidden /> Action item from selection
      </Button>
      <ActionItemDialog open={isOpen} onOpenChange={setOpen} postMortemId={postMortemId} initialTitle={selection} />
    </>
  );
}
