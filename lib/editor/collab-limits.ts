// What the co-editing server refuses, shared by the server (which closes with these reasons) and the
// editor (which tells the writer why their change was not saved).

/** One WebSocket message: an edit, a sync or a cursor update. `ws` would take 100 MB by default. */
export const COLLAB_MAX_MESSAGE_BYTES = 1024 * 1024;
/** A whole post-mortem as stored (state plus logged updates): far beyond any written one. */
export const COLLAB_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** WebSocket close code `ws` sends when a message is over the limit ("Message Too Big"). */
export const MESSAGE_TOO_BIG_CODE = 1009;

export const collabRefusals = {
  tooLarge: "too-large",
  accessChanged: "access-changed",
} as const;
export type CollabRefusal = (typeof collabRefusals)[keyof typeof collabRefusals];

/** What the editor says when the server refused a change; null for an ordinary disconnect. */
export function refusalMessage(close: { code: number; reason: string }): string | null {
  if (close.code === MESSAGE_TOO_BIG_CODE || close.reason === collabRefusals.tooLarge) {
    return `This change is too large to save — a post-mortem holds at most ${COLLAB_MAX_DOCUMENT_BYTES / 1024 / 1024} MB, and one change at most ${COLLAB_MAX_MESSAGE_BYTES / 1024 / 1024} MB. Undo the last paste or split it into a linked document, then reload the page.`;
  }
  if (close.reason === collabRefusals.accessChanged) return "Your access to this post-mortem changed: your last change was not saved. Reload the page.";
  return null;
}
