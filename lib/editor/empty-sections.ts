// Sections (level-2 headings) with nothing written under them: publishing warns about these, and
// offers to remove them. A reference block (facts, timeline, action items) counts as content.
import type { Node } from "@tiptap/pm/model";

export type EmptySection = { title: string; from: number; to: number };

// Only spaces: blank. A mention or a line break inside counts as something written.
const isBlank = (node: Node) => {
  if (node.type.name !== "paragraph" || node.textContent.trim() !== "") return false;
  let onlyText = true;
  node.forEach((child) => {
    if (!child.isText) onlyText = false;
  });
  return onlyText;
};

export function emptySections(doc: Node): EmptySection[] {
  const found: EmptySection[] = [];
  let open: { title: string; from: number; isEmpty: boolean } | null = null;
  const close = (to: number) => {
    if (open?.isEmpty) found.push({ title: open.title, from: open.from, to });
  };
  doc.forEach((node, offset) => {
    if (node.type.name === "heading" && node.attrs.level === 2) {
      close(offset);
      open = { title: node.textContent.trim() || "Untitled section", from: offset, isEmpty: true };
    } else if (node.type.name === "heading" && node.attrs.level === 1) {
      close(offset);
      open = null;
    } else if (open && !isBlank(node)) open.isEmpty = false;
  });
  close(doc.content.size);
  return found;
}
