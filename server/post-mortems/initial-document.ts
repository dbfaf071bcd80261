import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { TemplateSection } from "@/db/schema";
import { COLLAB_FIELD, documentExtensions } from "@/lib/editor/document-extensions";

/**
 * A heading per template section with an empty paragraph under it, where the guidance shows as a
 * placeholder. The incident's facts open the document; its highlighted events fill the Timeline section;
 * the summary written during the incident starts the Summary section (the author edits it from there).
 */
export function templateDocument(title: string, sections: TemplateSection[], incidentId: string, postMortemId: string, summary = "") {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: title }] },
      { type: "incidentFacts", attrs: { incidentId } },
      ...sections.flatMap((section) => [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: section.title }] },
        ...(section.title.toLowerCase() === "timeline" ? [{ type: "incidentTimeline", attrs: { incidentId } }] : []),
        ...(section.title.toLowerCase() === "action items" ? [{ type: "postMortemActionItems", attrs: { postMortemId } }] : []),
        section.title.trim().toLowerCase() === "summary" && summary.trim() ? { type: "paragraph", content: [{ type: "text", text: summary.trim() }] } : { type: "paragraph" },
      ]),
    ],
  };
}

/** The Yjs state the co-editing server starts from. */
export function initialDocumentState(json: ReturnType<typeof templateDocument>): Uint8Array {
  const doc = prosemirrorJSONToYDoc(getSchema(documentExtensions), json, COLLAB_FIELD);
  return Y.encodeStateAsUpdate(doc);
}
