import { mergeAttributes, Node, textblockTypeInputRule } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { isStepId, newStepId } from "./step-id";

// A runbook checklist step: one line of text that run mode (inside an incident) shows as a checkbox.
// Its `id` is what a tick is recorded against, so every step keeps one unique id for life.

declare module "@tiptap/core" {
  // Module augmentation can only merge into an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Commands<ReturnType> {
    runbookStep: {
      /** Inserts an empty step at the cursor (or turns the current empty line into one). */
      insertRunbookStep: () => ReturnType;
    };
  }
}

// Drawn as a checkbox with CSS so the box is never part of the editable text.
const rowClasses =
  "runbook-step relative my-1 min-h-6 pl-7 before:absolute before:top-[0.3em] before:left-0 before:size-4 before:rounded-sm before:border-2 before:border-muted-foreground/70 before:content-['']";

export const RunbookStep = Node.create({
  name: "runbookStep",
  group: "block",
  content: "inline*",
  defining: true,

  addAttributes() {
    return {
      id: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-step-id"),
        renderHTML: (attributes: Record<string, unknown>) => (isStepId(attributes.id) ? { "data-step-id": attributes.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "div[data-runbook-step]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-runbook-step": "", class: rowClasses }), 0];
  },

  addCommands() {
    return {
      insertRunbookStep:
        () =>
        ({ commands, state }) => {
          const { $from } = state.selection;
          if ($from.parent.isTextblock && $from.parent.content.size === 0) return commands.setNode(this.name, { id: newStepId() });
          return commands.insertContent({ type: this.name, attrs: { id: newStepId() } });
        },
    };
  },

  // "[] " or "[ ] " at the start of a line makes it a step.
  addInputRules() {
    return [textblockTypeInputRule({ find: /^\[ ?\]\s$/, type: this.type, getAttributes: () => ({ id: newStepId() }) })];
  },

  addKeyboardShortcuts() {
    return {
      // Enter continues the checklist; Enter on an empty step leaves it, as in any list.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name) return false;
        if ($from.parent.content.size === 0) return editor.commands.setNode("paragraph");
        return editor.chain().splitBlock().setNode(this.name, { id: newStepId() }).run();
      },
      Backspace: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name || $from.parentOffset > 0) return false;
        return editor.commands.setNode("paragraph");
      },
    };
  },

  // Pasting or duplicating steps copies their ids; give every copy after the first a fresh one.
  addProseMirrorPlugins() {
    const name = this.name;
    return [
      new Plugin({
        key: new PluginKey("runbookStepIds"),
        appendTransaction(transactions, _oldState, newState) {
          if (!transactions.some((transaction) => transaction.docChanged)) return null;
          const seen = new Set<string>();
          const tr = newState.tr;
          newState.doc.descendants((node, pos) => {
            if (node.type.name !== name) return;
            const id = node.attrs.id as unknown;
            if (isStepId(id) && !seen.has(id)) {
              seen.add(id);
              return false;
            }
            const fresh = newStepId();
            seen.add(fresh);
            tr.setNodeAttribute(pos, "id", fresh);
            return false;
          });
          return tr.steps.length ? tr : null;
        },
      }),
    ];
  },
});
