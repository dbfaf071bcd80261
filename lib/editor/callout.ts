import { mergeAttributes, Node, wrappingInputRule } from "@tiptap/core";

import { toCalloutTone, type CalloutTone } from "./callout-tone";

// A highlighted note in the document. The tone is one of a fixed list, so nothing a writer (or a
// pasted page) puts in the attribute ever reaches a class name or the published HTML unchecked.

declare module "@tiptap/core" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- tiptap's command registry merges interfaces
  interface Commands<ReturnType> {
    callout: { setCallout: (tone?: CalloutTone) => ReturnType };
  }
}

/** Typing `!!! ` (or `!!!warning `, `!!!success `) at the start of a line opens a callout. */
export const calloutInputRegex = /^!!!(info|warning|success)?\s$/;

export const Callout = Node.create({
  name: "callout",
  group: "block",
  content: "block+",
  defining: true,
  addAttributes() {
    return {
      tone: {
        default: "info",
        parseHTML: (element: HTMLElement) => toCalloutTone(element.getAttribute("data-tone")),
        renderHTML: (attributes: Record<string, unknown>) => {
          const tone = toCalloutTone(attributes.tone);
          return { "data-tone": tone, class: `callout callout-${tone}` };
        },
      },
    };
  },
  parseHTML() {
    return [{ tag: "div[data-callout]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-callout": "", role: "note" }), 0];
  },
  addCommands() {
    return {
      setCallout:
        (tone = "info") =>
        ({ commands }) =>
          commands.wrapIn(this.name, { tone: toCalloutTone(tone) }),
    };
  },
  addInputRules() {
    return [wrappingInputRule({ find: calloutInputRegex, type: this.type, getAttributes: (match) => ({ tone: toCalloutTone(match[1] ?? "info") }) })];
  },
});
