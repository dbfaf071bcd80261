// The collab server lives in server/main.ts; verbs run inside Next's bundle in the same process.
// They meet here, on globalThis, so a verb can make open editors reconnect (and re-authorize).
type CollabControl = { closeDocument(documentName: string): void };
const registry = globalThis as typeof globalThis & { __daytwoCollab?: CollabControl };

export function registerCollabControl(control: CollabControl): void {
  registry.__daytwoCollab = control;
}

export function closeCollabDocument(postMortemId: string): void {
  registry.__daytwoCollab?.closeDocument(`post-mortem:${postMortemId}`);
}
