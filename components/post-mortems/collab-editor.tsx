"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import { Collaboration } from "@tiptap/extension-collaboration";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { LinkButton } from "@/components/editor/link-button";
import { Spinner } from "@/components/ui/spinner";
import { CollaborationCaret, colorFor, type CaretUser } from "@/lib/editor/collaboration-caret";
import { COLLAB_FIELD, documentExtensions } from "@/lib/editor/document-extensions";
import { SectionGuidance } from "@/lib/editor/section-guidance";
import type { DocumentFlag } from "@/lib/blameless/document-flags";
import { BlameCheck, blameCheckKey, flagAtCaret, type PlacedFlag } from "@/lib/editor/blame-check";
import { BlameFlagHint, type FlagHintHandle } from "./blame-flag-hint";
import { BLAME_PANEL_ID, BlameFlagsPanel } from "./blame-flags-panel";
import { LiveIncidentFacts, LiveIncidentTimeline, LivePostMortemActionItems } from "./blocks/live-blocks";
import { EditorMenus, useEditorMenus } from "./editor/editor-menus";
import { SelectionToActionItem } from "./selection-to-action-item";
import { SyncProblem, SyncStatus, usePresence, useSyncState } from "./sync-status";

// Schema extensions the browser replaces with richer versions (live renderings, suggestion menus).
const replacedInBrowser = new Set(["incidentFacts", "incidentTimeline", "postMortemActionItems", "mention"]);

type Props = {
  postMortemId: string;
  incidentId: string;
  canEdit: boolean;
  me: { id: string; name: string };
  sections: { title: string; guidance: string }[];
  personNames: string[];
  dismissedFlagKeys: string[];
  /** Hands the editor up to the page (the review bar checks the document before publishing). */
  onEditor?: (editor: Editor | null) => void;
};
/** `isPrefilled`: the document started from the state the page was rendered with, not empty. */
export type CollabSession = { doc: Y.Doc; provider: HocuspocusProvider; isPrefilled: boolean };
type Session = CollabSession;

/**
 * Connects to the co-editing server on the app's own port; the session cookie authenticates it.
 * `initialState` is the stored document the page was rendered with (base64 Yjs update): applied
 * before the provider exists, so the editor shows and edits it at once and the first sync carries
 * only what changed since. Applying an update Yjs already has is a no-op, so nothing doubles.
 */
function useCollabSession(postMortemId: string, initialState: string | null, canEdit: boolean): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    if (initialState)
      Y.applyUpdate(
        doc,
        Uint8Array.from(atob(initialState), (char) => char.charCodeAt(0)),
      );
    const protocol = window.location.protocol === "https:" ? "wss" : "ws";
    const provider = new HocuspocusProvider({ url: `${protocol}://${window.location.host}/collab`, name: `post-mortem:${postMortemId}`, document: doc, token: "session-cookie" });
    setSession({ doc, provider, isPrefilled: initialState !== null });
    return () => {
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
    // initialState is read once, when the session opens: later renders carry the same page data.
    // A change of canEdit (the review state moved, live) opens a new socket: the server decides
    // read-only or writable only when a connection authenticates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [postMortemId, canEdit]);
  return session;
}

/** The co-edited document; post-mortem-view.tsx loads this module on its own (it is most of the page's code). */
export function CollabEditor({ initialState, ...props }: Props & { initialState: string | null }) {
  const session = useCollabSession(props.postMortemId, initialState, props.canEdit);
  if (!session) return <Spinner label="Connecting to the document" />;
  return <EditorSurface key={session.doc.guid} session={session} {...props} />;
}

function EditorSurface({ session, canEdit, me, sections, personNames, dismissedFlagKeys, postMortemId, incidentId, onEditor }: Props & { session: Session }) {
  const user: CaretUser = { name: me.name, color: colorFor(me.id) };
  // Mutated in place when a flag is dismissed, then the plugin is asked to re-check.
  const [dismissed] = useState(() => new Set(dismissedFlagKeys));
  const [flags, setFlags] = useState<DocumentFlag[]>([]);
  // The flag the caret is in, explained under it while the text (or the explanation) has focus.
  const [activeFlag, setActiveFlag] = useState<PlacedFlag | null>(null);
  const [isWriting, setWriting] = useState(false);
  const hint = useRef<FlagHintHandle>(null);
  const hintArea = useRef<HTMLDivElement>(null);
  const sync = useSyncState(session.provider);
  const present = usePresence(session.provider);
  const menus = useEditorMenus({ incidentId, postMortemId });
  // Options fixed at the first render, as in the runbook editor: this surface re-renders on every
  // transaction, presence and sync change, and freshly configured extensions or editorProps make tiptap
  // call setOptions, handing the view new props, on each of those renders. Everything they
  // reach is stable for the surface's life: the session (the surface is keyed by it), state setters,
  // refs and the dismissed set; editability follows `isEditable` through setEditable below.
  const [options] = useState<Parameters<typeof useEditor>[0]>(() => ({
    immediatelyRender: false,
    editable: canEdit,
    extensions: [
      ...documentExtensions.filter((extension) => !replacedInBrowser.has(extension.name)),
      LiveIncidentFacts,
      LiveIncidentTimeline,
      LivePostMortemActionItems,
      Collaboration.configure({ document: session.doc, field: COLLAB_FIELD }),
      CollaborationCaret.configure({ awareness: session.provider.awareness ?? null, user }),
      SectionGuidance.configure({ sections }),
      BlameCheck.configure({ personNames, dismissed }),
      ...menus.extensions,
    ],
    onTransaction: ({ editor: current }) => {
      const next = blameCheckKey.getState(current.state)?.flags ?? [];
      setFlags((previous) => (sameFlags(previous, next) ? previous : next));
      const { selection } = current.state;
      const active = (selection.empty ? flagAtCaret(next, dismissed, selection.from) : undefined) ?? null;
      setActiveFlag((previous) => (previous?.key === active?.key && previous?.from === active?.from && previous?.to === active?.to ? previous : active));
    },
    onFocus: () => setWriting(true),
    onBlur: ({ event }) => setWriting(hintArea.current?.contains(event.relatedTarget as Node | null) ?? false),
    editorProps: {
      attributes: { class: "post-mortem-prose", "aria-label": "Post-mortem document", role: "textbox", "aria-multiline": "true" },
      // Alt+Enter on a flagged phrase moves focus to its explanation (why, a rewording, apply).
      handleKeyDown: (_view, event) => {
        if (!(event.altKey && event.key === "Enter") || !hintArea.current?.querySelector("[data-testid='blame-flag-hint']")) return false;
        event.preventDefault();
        hint.current?.focus();
        return true;
      },
    },
  }));
  const editor = useEditor(options);
  // The page's role can be out of date: the server's answer (read-only, or a refusal) wins.
  const isEditable = canEdit && !sync.isReadOnly && sync.problem === null;
  useEffect(() => {
    editor?.setEditable(isEditable);
  }, [editor, isEditable]);
  // Handed up only once the server's copy has arrived: before that the editor holds the page's
  // rendered state, and a check on it (empty sections before publishing) would read stale text.
  const syncedEditor = sync.isSynced ? editor : null;
  useEffect(() => {
    onEditor?.(syncedEditor);
    return () => onEditor?.(null);
  }, [syncedEditor, onEditor]);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm" data-print-hidden>
        <section aria-label="Writing now" className="flex flex-wrap items-center gap-2">
          {present.map((person) => (
            <span key={person.clientId} className="rounded-full px-2 py-0.5 text-xs font-medium text-white" style={{ backgroundColor: person.color }}>
              {person.name}
            </span>
          ))}
        </section>
        <div className="flex flex-wrap items-center gap-2">
          {canEdit ? <LinkButton editor={editor} /> : null}
          {canEdit ? <SelectionToActionItem editor={editor} postMortemId={postMortemId} /> : null}
          <SyncStatus state={sync} readOnly={!canEdit} />
        </div>
      </div>
      <SyncProblem state={sync} />
      {!sync.isSynced && !session.isPrefilled ? <Spinner label="Loading the document" /> : null}
      <BlameFlagsPanel
        postMortemId={postMortemId}
        flags={flags}
        dismissed={dismissed}
        canEdit={canEdit}
        onDismissed={(key) => {
          dismissed.add(key);
          editor?.view.dispatch(editor.state.tr.setMeta(blameCheckKey, true));
        }}
      />
      {canEdit ? (
        <p className="text-xs text-muted-foreground" data-print-hidden>
          Type <kbd className="font-mono">/</kbd> to insert a table, callout, timeline or action item, <kbd className="font-mono">@</kbd> to mention someone, <kbd className="font-mono">[]</kbd> for a
          task. A phrase underlined in amber may read as blame: with the caret in it, <kbd className="font-mono">Alt</kbd>+<kbd className="font-mono">Enter</kbd> explains it and offers a rewording.
        </p>
      ) : null}
      <EditorContent editor={editor} className="rounded-md border bg-card p-4 sm:p-6" />
      <div
        ref={hintArea}
        onBlur={(event) => {
          // Leaving the explanation for anywhere but the text closes it.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null) && !editor?.view.dom.contains(event.relatedTarget as Node | null)) setWriting(false);
        }}
      >
        <BlameFlagHint
          ref={hint}
          editor={editor}
          flag={isWriting ? activeFlag : null}
          canEdit={isEditable}
          openCount={new Set(flags.filter((flag) => !dismissed.has(flag.key)).map((flag) => flag.key)).size}
          onShowAll={() => {
            setWriting(false);
            const panel = document.getElementById(BLAME_PANEL_ID);
            panel?.scrollIntoView({ block: "start" });
            panel?.focus();
          }}
        />
      </div>
      {canEdit ? <EditorMenus editor={editor} menus={menus} /> : null}
    </div>
  );
}

const sameFlags = (a: DocumentFlag[], b: DocumentFlag[]) => a.length === b.length && a.every((flag, i) => flag.key === b[i]?.key && flag.pos + flag.start === (b[i]?.pos ?? 0) + (b[i]?.start ?? 0));
