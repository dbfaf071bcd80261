"use client";

import { useQuery } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { ActionItemDialog } from "@/components/action-items/action-item-dialog";
import { useTRPC } from "@/components/trpc/client";
import { mentionWithSuggestions, type MentionCandidate } from "./mention";
import type { SlashCommand, SlashContext } from "./slash-commands";
import { SlashMenu } from "./slash-menu";
import { SuggestionPopup } from "./suggestion-popup";
import { createSuggestionStore } from "./suggestion-store";

type Target = { incidentId: string; postMortemId: string };

/**
 * The slash menu and @mentions: their editor extensions (created once, reading live data through
 * refs) and the state their popups and the action-item dialog render from.
 */
export function useEditorMenus({ incidentId, postMortemId }: Target) {
  const trpc = useTRPC();
  const directory = useQuery(trpc.users.directory.queryOptions());
  const people = useRef<MentionCandidate[]>([]);
  useEffect(() => {
    people.current = (directory.data ?? []).map((person) => ({ id: person.id, label: person.name }));
  }, [directory.data]);
  const [actionItemTitle, setActionItemTitle] = useState<string | null>(null);
  const context = useRef<SlashContext>({ incidentId, postMortemId, requestActionItem: setActionItemTitle });
  useEffect(() => {
    context.current = { incidentId, postMortemId, requestActionItem: setActionItemTitle };
  }, [incidentId, postMortemId]);
  const [menus] = useState(() => {
    const slash = createSuggestionStore<SlashCommand>();
    const mention = createSuggestionStore<MentionCandidate>();
    return {
      slash,
      mention,
      extensions: [SlashMenu.configure({ store: slash, context: () => context.current }), mentionWithSuggestions(mention, () => people.current)],
    };
  });
  return { ...menus, actionItemTitle, closeActionItem: () => setActionItemTitle(null), postMortemId };
}

export function EditorMenus({ editor, menus }: { editor: Editor | null; menus: ReturnType<typeof useEditorMenus> }) {
  return (
    <>
      <SuggestionPopup
        editor={editor}
        store={menus.slash}
        label="Insert a block"
        emptyText="No block matches. Esc closes this menu."
        itemKey={(command) => command.id}
        renderItem={(command) => (
          <span className="grid">
            <span className="font-medium">{command.title}</span>
            <span className="text-xs text-muted-foreground">{command.hint}</span>
          </span>
        )}
      />
      <SuggestionPopup editor={editor} store={menus.mention} label="Mention a person" emptyText="No one by that name." itemKey={(person) => person.id} renderItem={(person) => person.label} />
      <ActionItemDialog
        open={menus.actionItemTitle !== null}
        onOpenChange={(isOpen) => {
          if (!isOpen) menus.closeActionItem();
        }}
        postMortemId={menus.postMortemId}
        initialTitle={menus.actionItemTitle ?? ""}
      />
    </>
  );
}
