"use client";

import { Keyboard } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { useKeyShortcuts } from "@/components/ui/key-shortcuts";
import { statusShortcuts } from "./next-actions";

const writing = [
  ["n", "Write a note"],
  ["u", "Write a status update"],
  ["Ctrl+Enter / ⌘+Enter", "Post the note or update"],
  ["Esc", "Leave the note box"],
] as const;

/** The incident page's keys, on "?" or from a button beside the live status. */
export function ShortcutsHelp({ canWrite }: { canWrite: boolean }) {
  const [isOpen, setIsOpen] = useState(false);
  useKeyShortcuts({ "?": () => setIsOpen(true) });
  const rows: (readonly [string, string])[] = [
    ...(canWrite ? [...writing, ...statusShortcuts.map((shortcut) => [shortcut.key, `${shortcut.name} (asks first)`] as const)] : []),
    ["d", "Declare a new incident"],
    ["?", "Show this help"],
  ];
  return (
    <Dialog open={isOpen} onOpenChange={setIsOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          <Keyboard aria-hidden />
          <span className="sr-only sm:not-sr-only">Shortcuts</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work when you are not typing in a field.</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
