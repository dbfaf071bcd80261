"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

export type SyncState = { status: "connecting" | "connected" | "disconnected"; isSynced: boolean; unsyncedChanges: number };

export function useSyncState(provider: HocuspocusProvider): SyncState {
  const [state, setState] = useState<SyncState>({ status: "connecting", isSynced: provider.isSynced, unsyncedChanges: 0 });
  useEffect(() => {
    const update = () => setState({ status: provider.configuration.websocketProvider.status as SyncState["status"], isSynced: provider.isSynced, unsyncedChanges: provider.unsyncedChanges });
    const events = ["status", "synced", "unsyncedChanges"] as const;
    for (const event of events) provider.on(event, update);
    update();
    return () => {
      for (const event of events) provider.off(event, update);
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
      {readOnly ? "Read only · " : ""}
      {text}
    </span>
  );
}
