"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { refusalMessage } from "@/lib/editor/collab-limits";

export type SyncState = {
  status: "connecting" | "connected" | "disconnected";
  isSynced: boolean;
  unsyncedChanges: number;
  /** The server accepts reads only (the role changed since the page loaded, or it is published). */
  isReadOnly: boolean;
  /** Why the server refused a change or the connection: shown to the writer, who must act on it. */
  problem: string | null;
};

const NO_ACCESS = "You no longer have access to this document: your session ended or your account changed. Reload the page to sign in again.";

export function useSyncState(provider: HocuspocusProvider): SyncState {
  const [state, setState] = useState<SyncState>({ status: "connecting", isSynced: provider.isSynced, unsyncedChanges: 0, isReadOnly: false, problem: null });
  useEffect(() => {
    const update = (changes: Partial<SyncState> = {}) =>
      setState((previous) => ({
        ...previous,
        status: provider.configuration.websocketProvider.status as SyncState["status"],
        isSynced: provider.isSynced,
        unsyncedChanges: provider.unsyncedChanges,
        ...changes,
      }));
    const onChange = () => update();
    const onAuthenticated = ({ scope }: { scope: string }) => update({ isReadOnly: scope === "readonly", problem: null });
    const onDenied = () => update({ problem: NO_ACCESS });
    const onClose = ({ event }: { event: { code: number; reason: string } }) => {
      const problem = refusalMessage(event);
      if (!problem) return;
      // Resending the same refused change would be refused again: stop until the page is reloaded.
      if (event.code === 1009 || problem.startsWith("This change is too large")) provider.disconnect();
      update({ problem });
    };
    const events = ["status", "synced", "unsyncedChanges"] as const;
    for (const event of events) provider.on(event, onChange);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onDenied);
    provider.on("close", onClose);
    update();
    return () => {
      for (const event of events) provider.off(event, onChange);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onDenied);
      provider.off("close", onClose);
    };
  }, [provider]);
  return state;
}

export type PresentPerson = { clientId: number; name: string; color: string };

/** Everyone with the document open, from Yjs awareness (including me). */
export function usePresence(provider: HocuspocusProvider): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const update = () =>
      setPeople(
        [...awareness.getStates().entries()]
          .map(([clientId, state]) => ({ clientId, ...(state.user as { name?: string; color?: string } | undefined) }))
          .filter((p): p is PresentPerson => typeof p.name === "string" && typeof p.color === "string"),
      );
    awareness.on("change", update);
    update();
    return () => awareness.off("change", update);
  }, [provider]);
  return people;
}

// The writer's reassurance: is what I typed safely on the server?
export function SyncStatus({ state, readOnly }: { state: SyncState; readOnly: boolean }) {
  const text =
    state.status !== "connected"
      ? state.unsyncedChanges > 0
        ? `Offline — ${state.unsyncedChanges} change${state.unsyncedChanges === 1 ? "" : "s"} will sync when reconnected`
        : "Connecting…"
      : state.unsyncedChanges > 0
        ? "Saving…"
        : "All changes saved";
  return (
    <span role="status" data-testid="sync-status" className="text-xs text-muted-foreground">
      {readOnly || state.isReadOnly ? "Read only · " : ""}
      {text}
    </span>
  );
}

/** The refusal, where the writer looks: above the document, announced to screen readers. */
export function SyncProblem({ state }: { state: SyncState }) {
  if (!state.problem) return null;
  return (
    <p role="alert" data-testid="sync-problem" className="rounded-md border border-destructive/50 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      {state.problem}
    </p>
  );
}
