"use client";

import type { Editor } from "@tiptap/react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { EmptySection } from "@/lib/editor/empty-sections";

type Props = { editor: Editor | null; sections: EmptySection[]; onClose: () => void; onPublishAnyway: () => void };

/**
 * Shown when Publish is pressed with sections that have nothing under them: fill them (the caret
 * goes to the first one), remove them (headings and blank lines), or publish as they are.
 */
export function EmptySectionsDialog({ editor, sections, onClose, onPublishAnyway }: Props) {
  const canChange = Boolean(editor?.isEditable);
  const fill = () => {
    onClose();
    const first = sections[0];
    const heading = first && editor?.state.doc.nodeAt(first.from);
    // Into the first blank line under the heading.
    if (first && heading)
      editor
        ?.chain()
        .focus(first.from + heading.nodeSize + 1)
        .scrollIntoView()
        .run();
  };
  const remove = () => {
    if (!editor) return;
    // Last first, so the earlier ranges stay where they are.
    const tr = [...sections].sort((a, b) => b.from - a.from).reduce((change, section) => change.delete(section.from, section.to), editor.state.tr);
    editor.view.dispatch(tr);
    onClose();
    toast.success(`Removed ${sections.length} empty section${sections.length === 1 ? "" : "s"}. Publish once the change is saved.`);
  };
  return (
    <Dialog open={sections.length > 0} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Some sections are empty</DialogTitle>
          <DialogDescription>Readers will see these headings with nothing under them. Fill them in, remove them, or publish as it is.</DialogDescription>
        </DialogHeader>
        <ul className="list-disc pl-5 text-sm" aria-label="Empty sections">
          {sections.map((section) => (
            <li key={section.from}>{section.title}</li>
          ))}
        </ul>
        {canChange ? null : <p className="text-sm text-muted-foreground">Only the author can change the text while it is in review.</p>}
        <DialogFooter className="flex-wrap gap-2">
          {canChange ? (
            <>
              <Button variant="outline" onClick={fill}>
                Fill them in
              </Button>
              <Button variant="outline" onClick={remove}>
                Remove empty sections
              </Button>
            </>
          ) : null}
          <Button onClick={onPublishAnyway}>Publish anyway</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
