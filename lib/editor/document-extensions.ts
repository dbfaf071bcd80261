import { StarterKit } from "@tiptap/starter-kit";
import { IncidentFacts, IncidentTimeline, PostMortemActionItems } from "./incident-blocks";

// The document schema, shared by the browser editor and the server (initial documents, snapshots).
// Links are limited to http, https and mailto. Undo/redo is off: with co-editing, Yjs owns history.
export const documentExtensions = [
  IncidentFacts,
  IncidentTimeline,
  PostMortemActionItems,
  StarterKit.configure({
    undoRedo: false,
    link: { openOnClick: false, protocols: ["http", "https", "mailto"], isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url) },
  }),
];

/** The Y.XmlFragment the editor binds to. */
export const COLLAB_FIELD = "default";
