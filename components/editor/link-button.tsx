"use client";

import type { Editor } from "@tiptap/react";
import { Link2 } from "lucide-react";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { normalizeLink } from "@/lib/editor/allowed-link";

/**
 * Add, change or remove the link on the selected text (also Ctrl/⌘+K in the editor). Only web and
 * mail addresses are accepted; the editor's link extension refuses anything else as well.
 */
export function LinkButton({ editor, variant = "outline" }: { editor: Editor | null; variant?: "outline" | "ghost" }) {
  const [state, setState] = useState({ hasSelection: false, inLink: false });
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState("");
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  // Only state setters inside, so the keyboard handler below can hold it without re-subscribing.
  const [openFor] = useState(() => (current: Editor) => {
    if (current.state.selection.empty && !current.isActive("link")) return;
    setAddress(String(current.getAttributes("link").href ?? ""));
    setError(null);
    setOpen(true);
  });

  useEffect(() => {
    if (!editor) return;
    // Runs on every transaction (each keystroke, each remote edit): re-render only when it changes.
    const update = () => {
      const next = { hasSelection: !editor.state.selection.empty, inLink: editor.isActive("link") };
      setState((previous) => (previous.hasSelection === next.hasSelection && previous.inLink === next.inLink ? previous : next));
    };
    const openWithKeys = (event: KeyboardEvent) => {
      // Compared exactly: some synthetic keydown events (autofill) carry no key at all.
      if ((event.metaKey || event.ctrlKey) && (event.key === "k" || event.key === "K") && editor.isEditable) {
        event.preventDefault();
        openFor(editor);
      }
    };
    editor.on("transaction", update);
    editor.view.dom.addEventListener("keydown", openWithKeys);
    return () => {
      editor.off("transaction", update);
      editor.view.dom.removeEventListener("keydown", openWithKeys);
    };
  }, [editor, openFor]);

  function save(event: FormEvent) {
    event.preventDefault();
    if (!editor) return;
    const href = normalizeLink(address);
    if (!href) {
      setError("Enter a web address (https://…) or an email address. Other kinds of links are not allowed.");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    setOpen(false);
  }

  function remove() {
    editor?.chain().focus().extendMarkRange("link").unsetLink().run();
    setOpen(false);
  }

  return (
    <>
      <Button
        type="button"
        size="sm"
        variant={variant}
        aria-pressed={state.inLink}
        disabled={!editor || (!state.hasSelection && !state.inLink)}
        title="Select text first (Ctrl/⌘+K)"
        onClick={() => editor && openFor(editor)}
      >
        <Link2 className="size-4" aria-hidden /> Link
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          // Back to the text the link is on, not to the toolbar button: the writer goes on typing, and
          // Ctrl/⌘+K works again at once. (Radix would refocus the button after its close animation,
          // taking focus from the editor that save() had just focused.)
          onCloseAutoFocus={(event) => {
            if (!editor) return;
            event.preventDefault();
            editor.commands.focus();
          }}
        >
          <form onSubmit={save} className="grid gap-4" aria-label="Link">
            <DialogHeader>
              <DialogTitle>{state.inLink ? "Change the link" : "Add a link"}</DialogTitle>
              <DialogDescription>Web pages (https://…) and email addresses only.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor={fieldId}>Link address</Label>
              <Input
                id={fieldId}
                value={address}
                onChange={(event) => setAddress(event.target.value)}
                placeholder="https://dashboards.example.com/…"
                aria-invalid={error ? true : undefined}
                autoFocus
              />
              {error ? (
                <p role="alert" className="text-sm text-destructive">
                  {error}
                </p>
              ) : null}
            </div>
            <DialogFooter>
              {state.inLink ? (
                <Button type="button" variant="outline" onClick={remove}>
                  Remove link
                </Button>
              ) : null}
              <Button type="submit">Save link</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
