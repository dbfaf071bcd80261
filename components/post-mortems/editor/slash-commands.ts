import type { Editor, Range } from "@tiptap/core";
import type { CalloutTone } from "@/lib/editor/callout-tone";

export type SlashContext = { incidentId: string; postMortemId: string; requestActionItem: (title: string) => void };
export type SlashCommand = { id: string; title: string; hint: string; keywords: string[]; run: (editor: Editor, range: Range, context: SlashContext) => void };

const callout = (tone: CalloutTone, title: string, hint: string, keywords: string[]): SlashCommand => ({
  id: `callout-${tone}`,
  title,
  hint,
  keywords: ["callout", "note", ...keywords],
  run: (editor, range) => editor.chain().focus().deleteRange(range).setCallout(tone).run(),
});

// Every command first removes the typed "/query", then acts at the caret.
export const slashCommands: SlashCommand[] = [
  {
    id: "heading",
    title: "Heading",
    hint: "Section title",
    keywords: ["h2", "title", "section"],
    run: (editor, range) => editor.chain().focus().deleteRange(range).setNode("heading", { level: 2 }).run(),
  },
  { id: "subheading", title: "Subheading", hint: "Smaller title", keywords: ["h3"], run: (editor, range) => editor.chain().focus().deleteRange(range).setNode("heading", { level: 3 }).run() },
  {
    id: "task-list",
    title: "Task list",
    hint: "Checkboxes, typed as [] ",
    keywords: ["todo", "checkbox", "checklist"],
    run: (editor, range) => editor.chain().focus().deleteRange(range).toggleTaskList().run(),
  },
  {
    id: "table",
    title: "Table",
    hint: "3 × 3 with a header row",
    keywords: ["grid", "columns"],
    run: (editor, range) => editor.chain().focus().deleteRange(range).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: "code-block",
    title: "Code block",
    hint: "Logs, queries, config",
    keywords: ["code", "pre", "snippet"],
    run: (editor, range) => editor.chain().focus().deleteRange(range).setCodeBlock().run(),
  },
  callout("info", "Callout", "A highlighted note, typed as !!! ", ["info"]),
  callout("warning", "Warning callout", "Something to be careful about", ["warning", "caution"]),
  callout("success", "Success callout", "What went well", ["success", "good"]),
  {
    id: "timeline",
    title: "Timeline block",
    hint: "The incident's highlighted events, live",
    keywords: ["events", "incident"],
    run: (editor, range, { incidentId }) => editor.chain().focus().deleteRange(range).insertContent({ type: "incidentTimeline", attrs: { incidentId } }).run(),
  },
  {
    id: "facts",
    title: "Facts block",
    hint: "Severity, duration, impact, roles, live",
    keywords: ["incident", "severity", "summary"],
    run: (editor, range, { incidentId }) => editor.chain().focus().deleteRange(range).insertContent({ type: "incidentFacts", attrs: { incidentId } }).run(),
  },
  {
    // Opens the same "create action item" dialog as a selection does (owner, due date), titled with
    // this line's text. Items show in the live action-items block, which is added here if missing.
    id: "action-item",
    title: "Action item",
    hint: "An owned follow-up with a due date",
    keywords: ["todo", "follow-up", "owner"],
    run: (editor, range, { postMortemId, requestActionItem }) => {
      editor.chain().focus().deleteRange(range).run();
      const { $from } = editor.state.selection;
      const title = $from.parent.textContent.trim();
      let hasBlock = false;
      editor.state.doc.descendants((node) => {
        if (node.type.name === "postMortemActionItems") hasBlock = true;
        return !hasBlock;
      });
      if (!hasBlock) editor.chain().insertContentAt($from.after(1), { type: "postMortemActionItems", attrs: { postMortemId } }).run();
      requestActionItem(title);
    },
  },
];
