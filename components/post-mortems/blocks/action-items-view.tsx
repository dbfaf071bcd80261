"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { ActionItemList } from "@/components/action-items/action-item-list";

/** The post-mortem's action items, live (created from selected text or the incident page). */
export function ActionItemsView({ node }: ReactNodeViewProps) {
  const postMortemId = String(node.attrs.postMortemId ?? "");
  return (
    <NodeViewWrapper className="my-4 rounded-md border bg-muted/40 p-3 text-sm" data-testid="action-items-block" contentEditable={false}>
      <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Action items · live</p>
      <ActionItemList filter={{ scope: "post_mortem", postMortemId }} emptyText="Select a sentence and choose “Action item from selection” to add one." />
    </NodeViewWrapper>
  );
}
