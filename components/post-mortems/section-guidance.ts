import type { Node } from "@tiptap/pm/model";

/** The guidance of the section (level-2 heading) an empty paragraph sits in, shown as its placeholder. */
export function sectionGuidanceAt(doc: Node, pos: number, sections: { title: string; guidance: string }[]): string {
  let heading = "";
  doc.forEach((child, offset) => {
    if (offset < pos && child.type.name === "heading" && child.attrs.level === 2) heading = child.textContent;
  });
  return sections.find((section) => section.title === heading)?.guidance ?? "Write here…";
}
