// Node co-editing clients for tests: a HocuspocusProvider that carries a real session cookie,
// as a signed-in browser would, and helpers to edit and read the shared document.
import { encode } from "@auth/core/jwt";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { COLLAB_FIELD } from "@/lib/editor/document-extensions";
import { createSession } from "@/server/auth/sessions";

export const TEST_AUTH_SECRET = "collab-test-secret-collab-test-secret-0123";
const COOKIE = "authjs.session-token";

/**
 * The cookie Auth.js sets at sign-in (plain http), signed with the server's AUTH_SECRET. It names a
 * server-side session: the user's own (createActor signs each one in), else one started here on the
 * process's test database.
 */
export async function sessionCookie(user: { id: string; name: string; email: string; sessionId?: string }): Promise<string> {
  const sid = user.sessionId ?? (await createSession((await getDatabase()).db, user.id));
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sid }, secret: TEST_AUTH_SECRET, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

/** Polls until `condition` holds; fails with `what` after the timeout. No fixed sleeps. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type Client = { provider: HocuspocusProvider; doc: Y.Doc; destroy(): void };

/** A provider like the editor's, on port `port`, authenticated by `cookie`; resolves once synced. */
export async function connectClient(port: number, postMortemId: string, cookie: string, user?: { name: string; color: string }): Promise<Client> {
  const doc = new Y.Doc();
  // The provider constructs its socket with the URL only; the cookie rides on the upgrade request.
  class CookieWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie } });
      // Closing a socket that is still connecting (to a killed server) emits an error the provider
      // does not listen for; it handles the close itself.
      this.on("error", () => {});
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/collab`, WebSocketPolyfill: CookieWebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `post-mortem:${postMortemId}`, document: doc, token: "session-cookie" });
  provider.attach();
  if (user) provider.awareness?.setLocalStateField("user", user);
  let destroyed = false;
  const client = {
    provider,
    doc,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  try {
    await waitFor(`a synced connection on port ${port}`, () => provider.isSynced);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

/** Appends a paragraph: one Yjs transaction, so one update message and one acknowledgement. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(COLLAB_FIELD).push([paragraph]);
}

/** The document's paragraphs' text, in order. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(COLLAB_FIELD)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph")
    .map((node) =>
      node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
        .join(""),
    );
}

/** Every change this client made has been acknowledged by the server. */
export const allSynced = (client: Client) => client.provider.isSynced && client.provider.unsyncedChanges === 0;
