// A readable diff between two revisions: title and summary as before/after, the body line by line
// over its plain text (lib/runbooks/steps.ts docToText), so a moved step or reworded line shows plainly.
import { diffArrays } from "diff";

export type DiffLine = { kind: "same" | "added" | "removed"; text: string };
export type RevisionDiff = { title?: { from: string; to: string }; summary?: { from: string; to: string }; lines: DiffLine[] };
export type DiffableRevision = { title: string; summary: string; bodyText: string };

const lines = (text: string) => (text === "" ? [] : text.split("\n"));

export function diffRevisions(from: DiffableRevision, to: DiffableRevision): RevisionDiff {
  const result: RevisionDiff = { lines: [] };
  if (from.title !== to.title) result.title = { from: from.title, to: to.title };
  if (from.summary !== to.summary) result.summary = { from: from.summary, to: to.summary };
  // Line arrays rather than diffLines: no trailing-newline artefacts, one entry per line.
  for (const change of diffArrays(lines(from.bodyText), lines(to.bodyText))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    for (const text of change.value) result.lines.push({ kind, text });
  }
  return result;
}
