"use client";

import type { Editor } from "@tiptap/react";
import { forwardRef, useEffect, useImperativeHandle, useReducer, useRef } from "react";
import { Button } from "@/components/ui/button";
import { rewordEdit, rewordingFor } from "@/lib/blameless/rewording";
import { textBlocksOf, type PlacedFlag } from "@/lib/editor/blame-check";

export type FlagHintHandle = { focus: () => void };

type Props = { editor: Editor | null; flag: PlacedFlag | null; canEdit: boolean; openCount: number; onShowAll: () => void };

const width = 352;

/**
 * The flag the caret is in, explained where you type: why it reads as blame, a rewording, and
 * "Apply suggestion". Focus stays in the document while typing (a live region says a phrase is
 * flagged); Alt+Enter moves it here, Escape back to the same place in the text.
 */
export const BlameFlagHint = forwardRef<FlagHintHandle, Props>(function BlameFlagHint({ editor, flag, canEdit, openCount, onShowAll }, ref) {
  const group = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => group.current?.querySelector<HTMLElement>("button")?.focus() }), []);
  // Fixed under the phrase: it follows the page when it scrolls.
  const [, relayout] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!flag) return;
    window.addEventListener("scroll", relayout, { passive: true, capture: true });
    window.addEventListener("resize", relayout);
    return () => {
      window.removeEventListener("scroll", relayout, { capture: true });
      window.removeEventListener("resize", relayout);
    };
  }, [flag]);
  const replacement = flag ? rewordingFor(flag) : null;
  const back = () => editor?.commands.focus();
  const apply = () => {
    if (!editor || !flag || replacement === null) return;
    const block = textBlocksOf(editor.state.doc).find((candidate) => candidate.pos === flag.pos);
    if (!block) return;
    const edit = rewordEdit(block.text, flag.start, flag.end, replacement);
    const from = block.positions[edit.start] ?? flag.from;
    const to = edit.end > edit.start ? (block.positions[edit.end - 1] ?? flag.to - 1) + 1 : from;
    const tr = edit.insert ? editor.state.tr.insertText(edit.insert, from, to) : editor.state.tr.delete(from, to);
    editor.view.dispatch(tr);
    editor.commands.focus(from + edit.insert.length);
  };

  const rect = flag && editor && !editor.isDestroyed ? safeCoords(editor, flag.to) : null;
  return (
    <>
      {/* Read out when the caret enters a flagged phrase, without taking focus from the text. */}
      <span className="sr-only" aria-live="polite">
        {flag ? `Flagged phrase: ${flag.label}. Press Alt+Enter for why and a rewording.` : ""}
      </span>
      {flag && rect ? (
        <div
          ref={group}
          role="group"
          aria-label={`Blameless flag on “${flag.excerpt}”`}
          data-testid="blame-flag-hint"
          data-print-hidden
          className="fixed z-40 grid gap-1.5 rounded-md border border-warning bg-popover p-3 text-sm text-popover-foreground shadow-lg"
          style={{ top: Math.min(rect.bottom + 8, window.innerHeight - 200), left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)), width: `min(${width}px, calc(100vw - 16px))` }}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.preventDefault();
            back();
          }}
        >
          <p className="font-medium">
            “{flag.excerpt}” · {flag.label}
          </p>
          <p className="text-muted-foreground">{flag.why}</p>
          <p>Try: {flag.suggestion}</p>
          <div className="flex flex-wrap gap-2 pt-1">
            {canEdit && replacement !== null ? (
              <Button type="button" size="sm" onClick={apply}>
                Apply suggestion{replacement ? `: “${replacement}”` : ": remove it"}
              </Button>
            ) : null}
            <Button type="button" size="sm" variant="outline" onClick={onShowAll}>
              All flags ({openCount})
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={back}>
              Back to the text
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">
            <kbd className="font-mono">Alt</kbd>+<kbd className="font-mono">Enter</kbd> reaches these buttons, <kbd className="font-mono">Esc</kbd> returns to the text.
          </p>
        </div>
      ) : null}
    </>
  );
});

/** Where a position is on screen; null while the view is not laid out (coordsAtPos throws then). */
function safeCoords(editor: Editor, pos: number): { left: number; bottom: number } | null {
  try {
    return editor.view.coordsAtPos(Math.min(pos, editor.state.doc.content.size));
  } catch {
    return null;
  }
}
