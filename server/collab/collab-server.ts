// Co-editing on the app's own port: Hocuspocus behind the session cookie, state in Postgres.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Database } from "@hocuspocus/extension-database";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { getDb } from "@/db/client";
import { logger } from "@/server/log";
import { loadVisiblePostMortem } from "@/server/post-mortems/access";
import { fetchDocumentState, postMortemIdFrom, storeDocumentState } from "./persistence";
import { registerCollabControl } from "./registry";
import { userFromUpgrade } from "./session";

export const COLLAB_PATH = "/collab";

export function createCollabServer() {
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Store soon after typing stops, and at least every second while typing continues.
    debounce: 250,
    maxDebounce: 1000,
    extensions: [new Database({ fetch: ({ documentName }) => fetchDocumentState(documentName), store: ({ documentName, state, document }) => storeDocumentState(documentName, state, document) })],
    async onAuthenticate({ requestHeaders, documentName, connectionConfig }) {
      const user = await userFromUpgrade(requestHeaders);
      if (!user) throw new Error("not signed in");
      const postMortemId = postMortemIdFrom(documentName);
      if (!postMortemId) throw new Error("unknown document");
      // Same rules as the pages: private incidents only for participants and admins; viewers read only.
      const { canEdit } = await loadVisiblePostMortem(await getDb(), user, postMortemId);
      connectionConfig.readOnly = !canEdit;
      return { user };
    },
  });
  const sockets = new WebSocketServer({ noServer: true });
  registerCollabControl({ closeDocument: (name) => hocuspocus.closeConnections(name) });

  return {
    handlesUpgrade: (req: IncomingMessage) => (req.url ?? "").split("?")[0] === COLLAB_PATH,
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      sockets.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
    },
    async close() {
      // Flush pending stores before the database closes.
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.keys()].map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)));
      sockets.close();
    },
    onError: (error: unknown) => logger.error({ err: error }, "collab error"),
  };
}
