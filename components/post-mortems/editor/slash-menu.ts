import { Extension } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import { Suggestion } from "@tiptap/suggestion";
import { filterSuggestions } from "@/lib/editor/suggestion-filter";
import { slashCommands, type SlashCommand, type SlashContext } from "./slash-commands";
import type { SuggestionStore } from "./suggestion-store";

type Options = { store: SuggestionStore<SlashCommand> | null; context: () => SlashContext };

const slashMenuKey = new PluginKey("slashMenu");

/** Typing "/" at the start of a line or after a space opens the insert menu; what follows filters it. */
export const SlashMenu = Extension.create<Options>({
  name: "slashMenu",
  addOptions() {
    return { store: null, context: () => ({ incidentId: "", postMortemId: "", requestActionItem: () => {} }) };
  },
  addProseMirrorPlugins() {
    const { store, context } = this.options;
    if (!store) return [];
    return [
      Suggestion<SlashCommand, SlashCommand>({
        editor: this.editor,
        pluginKey: slashMenuKey,
        char: "/",
        items: ({ query }) => filterSuggestions(slashCommands, query, (command) => [command.title, ...command.keywords], slashCommands.length),
        command: ({ editor, range, props }) => props.run(editor, range, context()),
        // Not inside code, where "/" is a path or a comment.
        allow: ({ state, range }) => !state.doc.resolve(range.from).parent.type.spec.code,
        render: store.render,
      }),
    ];
  },
});
