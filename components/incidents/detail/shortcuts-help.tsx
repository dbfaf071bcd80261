"use client";

import { Keyboard } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import { useKeyShortcuts } from "@/components/ui/key-shortcuts";
import { statusShortcuts } from "./next-actions";

const writing = [
  ["n", "Write a note"],
  ["u", "Write a status update"],
  ["Ctrl+Enter / ⌘+Enter", "Post the note or update"],
  ["Esc", "Leave the note box"],
] as const;

// The dialog itself arrives after the page (components/ui/lazy-dialog.tsx); focus returns to the button on close.
const ShortcutsDialog = lazyDialog(() => import("./shortcuts-dialog").then((module) => module.ShortcutsDialog));

/** The incident page's keys, on "?" or from a button beside the live status. */
export function ShortcutsHelp({ canWrite }: { canWrite: boolean }) {
  const [isOpen, setIsOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useKeyShortcuts({ "?": () => setIsOpen(true) });
  const rows: (readonly [string, string])[] = [
    ...(canWrite ? [...writing, ...statusShortcuts.map((shortcut) => [shortcut.key, `${shortcut.name} (asks first)`] as const)] : []),
    ["d", "Declare a new incident"],
    ["?", "Show this help"],
  ];
  return (
    <>
      <Button ref={button} variant="ghost" size="sm" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" aria-haspopup="dialog" aria-expanded={isOpen} onClick={() => setIsOpen(true)}>
        <Keyboard aria-hidden />
        <span className="sr-only sm:not-sr-only">Shortcuts</span>
      </Button>
      <ShortcutsDialog open={isOpen} onOpenChange={setIsOpen} rows={rows} returnFocusTo={() => button.current} />
    </>
  );
}
