import { Node } from "@tiptap/core";

// Blocks that show the incident's own data by reference: the document stores only which incident,
// the browser renders current facts and highlighted events, so nothing goes stale.
function referenceBlock(name: string, dataAttribute: string, attribute: "incidentId" | "postMortemId" = "incidentId") {
  return Node.create({
    name,
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes() {
      const htmlName = attribute === "incidentId" ? "data-incident-id" : "data-post-mortem-id";
      return {
        [attribute]: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute(htmlName),
          renderHTML: (attributes: Record<string, unknown>) => ({ [htmlName]: attributes[attribute] as string }),
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
// The post-mortem's own action items, listed live where the "Action items" section is.
export const PostMortemActionItems = referenceBlock("postMortemActionItems", "data-post-mortem-action-items", "postMortemId");
