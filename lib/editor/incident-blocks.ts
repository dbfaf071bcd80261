import { Node } from "@tiptap/core";

// Blocks that show the incident's own data by reference: the document stores only which incident,
// the browser renders current facts and highlighted events, so nothing goes stale.
function referenceBlock(name: string, dataAttribute: string) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      return {
        incidentId: {
          default: null,
          parseHTML: (element) => element.getAttribute("data-incident-id"),
          renderHTML: (attributes) => ({ "data-incident-id": attributes.incidentId as string }),
        },
      };
    },
    parseHTML() {
      return [{ tag: `div[${dataAttribute}]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ["div", { ...HTMLAttributes, [dataAttribute]: "" }];
    },
  });
}

export const IncidentFacts = referenceBlock("incidentFacts", "data-incident-facts");
export const IncidentTimeline = referenceBlock("incidentTimeline", "data-incident-timeline");
