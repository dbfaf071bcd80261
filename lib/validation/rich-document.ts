// A rich document (tiptap JSON) as inputs accept it: checked against the editor's own schema (node
// and mark names), its shape (text is a string, content and marks are arrays, attrs an object) and
// bounded in depth and size, so a stored document always renders, exports and opens in the editor.
// The walk is a loop, not recursion: a document nested thousands deep is refused, not a stack overflow.
import { getSchema } from "@tiptap/core";
import { z } from "zod";
import { documentExtensions } from "@/lib/editor/document-extensions";
import { RunbookStep } from "@/lib/editor/runbook-step";
import { isStorableText, NUL_MESSAGE, SURROGATE_MESSAGE } from "./text";

export const MAX_DOCUMENT_DEPTH = 50;
export const MAX_DOCUMENT_NODES = 20_000;
const MAX_TEXT_LENGTH = 100_000;

// Post-mortems and runbooks share one vocabulary; a runbook's editor adds the checklist step.
const editorSchema = getSchema([...documentExtensions, RunbookStep]);
const nodeTypes = new Set(Object.keys(editorSchema.nodes));
const markTypes = new Set(Object.keys(editorSchema.marks));
const nodeKeys = new Set(["type", "attrs", "content", "text", "marks"]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export type DocumentNode = { type: string; attrs?: Record<string, unknown>; content?: DocumentNode[]; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[] };

/** Attribute values are flat: strings (storable), numbers, booleans or null. */
function attrsProblem(attrs: unknown): string | null {
  if (!isRecord(attrs)) return "The document is malformed: a block's settings must be an object.";
  for (const value of Object.values(attrs)) {
    if (value === null || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) continue;
    if (typeof value !== "string") return "The document is malformed: a block's setting must be text, a number or a yes/no.";
    if (value.length > 2000) return "The document has a link or setting longer than 2,000 characters; shorten it.";
    if (!isStorableText(value)) return value.includes("\u0000") ? NUL_MESSAGE : SURROGATE_MESSAGE;
  }
  return null;
}

function nodeProblem(node: unknown): string | null {
  if (!isRecord(node)) return "The document is malformed: every block must be an object with a type.";
  if (typeof node.type !== "string" || !nodeTypes.has(node.type))
    return `The document contains content the editor does not know${typeof node.type === "string" ? ` ("${node.type.slice(0, 40)}")` : ""}; remove it and try again.`;
  for (const key of Object.keys(node)) if (!nodeKeys.has(key)) return `The document is malformed: a block has an unknown field ("${key.slice(0, 40)}").`;
  if (node.attrs !== undefined) {
    const problem = attrsProblem(node.attrs);
    if (problem) return problem;
  }
  if (node.text !== undefined) {
    if (typeof node.text !== "string" || node.type !== "text") return "The document is malformed: only text pieces carry text, and their text must be a string.";
    if (node.text.length > MAX_TEXT_LENGTH) return "One paragraph of the document is too long (more than 100,000 characters); split it.";
    if (!isStorableText(node.text)) return node.text.includes("\u0000") ? NUL_MESSAGE : SURROGATE_MESSAGE;
  }
  if (node.content !== undefined && !Array.isArray(node.content)) return "The document is malformed: a block's content must be a list of blocks.";
  if (node.marks !== undefined) {
    if (!Array.isArray(node.marks) || node.marks.length > 20) return "The document is malformed: text formatting must be a short list.";
    for (const mark of node.marks) {
      if (!isRecord(mark) || typeof mark.type !== "string" || !markTypes.has(mark.type)) return "The document contains formatting the editor does not know; remove it and try again.";
      if (mark.attrs !== undefined) {
        const problem = attrsProblem(mark.attrs);
        if (problem) return problem;
      }
    }
  }
  return null;
}

/** The first reason `doc` is not a document the editor can hold, or null when it is one. */
export function documentProblem(doc: unknown): string | null {
  if (!isRecord(doc) || doc.type !== "doc") return "The body must be a document.";
  const pending: { node: unknown; depth: number }[] = [{ node: doc, depth: 1 }];
  let count = 0;
  while (pending.length) {
    const { node, depth } = pending.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) return `The document is nested too deeply (more than ${MAX_DOCUMENT_DEPTH} levels of lists or quotes); flatten it.`;
    if (++count > MAX_DOCUMENT_NODES) return `The document is too long (more than ${MAX_DOCUMENT_NODES.toLocaleString("en")} blocks and pieces of text); split it into several.`;
    const problem = nodeProblem(node);
    if (problem) return problem;
    const content = (node as DocumentNode).content;
    if (content) for (const child of content) pending.push({ node: child, depth: depth + 1 });
  }
  return null;
}

/** Input schema for a stored rich document (runbook bodies). */
export const richDocument = () =>
  z.custom<{ type: "doc"; content?: unknown[] }>().superRefine((value, ctx) => {
    const problem = documentProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
