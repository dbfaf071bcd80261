import { TaskItem, TaskList } from "@tiptap/extension-list";
import { Mention } from "@tiptap/extension-mention";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { isAllowedLink } from "./allowed-link";
import { Callout } from "./callout";
import { IncidentFacts, IncidentTimeline, PostMortemActionItems } from "./incident-blocks";

// A person named in the text. It keeps only who (id) and the name shown (label): the suggestion
// character is always "@", so the stock third attribute is dropped from the stored document.
export const PersonMention = Mention.extend({
  addAttributes() {
    const attribute = (name: "id" | "label") => ({
      default: null,
      parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
      renderHTML: (attributes: Record<string, unknown>) => (typeof attributes[name] === "string" ? { [`data-${name}`]: attributes[name] } : {}),
    });
    return { id: attribute("id"), label: attribute("label") };
  },
});

// The document schema, shared by the browser editor and the server (initial documents, snapshots).
// Undo/redo is off: with co-editing, Yjs owns history. Markdown shortcuts are the extensions' input
// rules: `# `, `- `, `1. `, `> ` (quote), ``` (code), `[] ` / `[x] ` (task), `!!! ` (callout).
export const documentExtensions = [
  IncidentFacts,
  IncidentTimeline,
  PostMortemActionItems,
  Callout,
  TaskList,
  TaskItem.configure({ nested: true }),
  // Fixed layout without column resizing: widths are the reader's screen's business, not stored state.
  Table.configure({ resizable: false, renderWrapper: true }),
  TableRow,
  TableHeader,
  TableCell,
  PersonMention,
  StarterKit.configure({
    undoRedo: false,
    link: { openOnClick: false, protocols: ["http", "https", "mailto"], isAllowedUri: isAllowedLink },
  }),
];

/** The Y.XmlFragment the editor binds to. */
export const COLLAB_FIELD = "default";
