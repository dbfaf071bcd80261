"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { Bold, Heading2, Italic, List, ListChecks, ListOrdered } from "lucide-react";
import { useEffect, useState } from "react";
import { LinkButton } from "@/components/editor/link-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { isAllowedLink } from "@/lib/editor/allowed-link";
import { RunbookStep } from "@/lib/editor/runbook-step";
import type { RichDocument } from "./types";
import { runbookProseClasses } from "./prose";

// Plain (not co-edited) editing: a runbook is saved as a whole revision with a note, and a stale save
// is refused by the server, so the local undo history is kept.
const extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    link: { openOnClick: false, protocols: ["http", "https", "mailto"], isAllowedUri: isAllowedLink },
  }),
  RunbookStep,
];

export function RunbookEditor({ initial, onChange, labelledBy }: { initial: RichDocument; onChange: (doc: RichDocument) => void; labelledBy: string }) {
  // Options fixed at the first render: the form re-renders on every keystroke and when the page's data
  // is refreshed, and options that differ by identity make tiptap call setOptions, handing the view new
  // props, each time. (A caret lost on a first click, seen in CI, recurred with these stable options; its
  // likely cause is ProseMirror's focus handling: see clickInto in e2e/runbooks.spec.ts.)
  // tiptap reads `onUpdate` afresh on every call, so it may change.
  const [options] = useState(() => ({
    immediatelyRender: false,
    extensions,
    content: initial as object,
    editorProps: {
      attributes: { class: cn(runbookProseClasses, "min-h-64 p-3"), "aria-labelledby": labelledBy, role: "textbox", "aria-multiline": "true" },
    },
  }));
  const editor = useEditor({ ...options, onUpdate: ({ editor: current }) => onChange(current.getJSON() as RichDocument) });
  return (
    <div className="min-w-0 rounded-md border border-input bg-background focus-within:ring-2 focus-within:ring-ring/40">
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor | null }) {
  // Re-render on selection changes so the pressed states follow the cursor.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!editor) return;
    const bump = () => setTick((n) => n + 1);
    editor.on("transaction", bump);
    return () => {
      editor.off("transaction", bump);
    };
  }, [editor]);
  const tools = [
    { label: "Bold", icon: Bold, isActive: () => editor?.isActive("bold"), run: () => editor?.chain().focus().toggleBold().run() },
    { label: "Italic", icon: Italic, isActive: () => editor?.isActive("italic"), run: () => editor?.chain().focus().toggleItalic().run() },
    { label: "Heading", icon: Heading2, isActive: () => editor?.isActive("heading", { level: 2 }), run: () => editor?.chain().focus().toggleHeading({ level: 2 }).run() },
    { label: "Bullet list", icon: List, isActive: () => editor?.isActive("bulletList"), run: () => editor?.chain().focus().toggleBulletList().run() },
    { label: "Numbered list", icon: ListOrdered, isActive: () => editor?.isActive("orderedList"), run: () => editor?.chain().focus().toggleOrderedList().run() },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-1 border-b border-border p-1">
      {tools.map(({ label, icon: Icon, isActive, run }) => (
        <Button key={label} type="button" size="sm" variant="ghost" className="h-8 px-2" aria-label={label} aria-pressed={Boolean(isActive())} disabled={!editor} onClick={run}>
          <Icon aria-hidden />
        </Button>
      ))}
      <Button type="button" size="sm" variant="ghost" className="h-8 px-2" disabled={!editor} onClick={() => editor?.chain().focus().insertRunbookStep().run()}>
        <ListChecks aria-hidden /> Add step
      </Button>
      <LinkButton editor={editor} variant="ghost" />
      <span className="ml-auto hidden px-2 text-xs text-muted-foreground sm:inline">Type [] and a space to start a step</span>
    </div>
  );
}
