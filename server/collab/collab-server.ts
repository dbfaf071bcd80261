// Co-editing on the app's own port: Hocuspocus behind the session cookie, state in Postgres.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Database } from "@hocuspocus/extension-database";
import type { Redis } from "@hocuspocus/extension-redis";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { getDatabase, getDb } from "@/db/client";
import { COLLAB_MAX_MESSAGE_BYTES } from "@/lib/editor/collab-limits";
import { USERS_CHANNEL } from "@/server/auth/session-user";
import { SESSIONS_CHANNEL, type SignedInUser } from "@/server/auth/sessions";
import { logger } from "@/server/log";
import { loadVisiblePostMortem } from "@/server/post-mortems/access";
import { documentUpdateIn } from "./incoming-update";
import { appendDocumentUpdate, CollabRefusedError, fetchDocumentState, postMortemIdFrom, storeDocumentState } from "./persistence";
import { createRedisExtension, pingRedis } from "./redis";
import { registerCollabControl } from "./registry";
import { userFromUpgrade } from "./session";

export const COLLAB_PATH = "/collab";

export type CollabOptions = { redis?: { url: string; prefix: string } };

const ACCOUNT_CHANGED = { code: 4205, reason: "Account changed" };

/** What onAuthenticate leaves on each connection. */
type CollabContext = { user: SignedInUser };

export function createCollabServer(options: CollabOptions = {}) {
  const redis: Redis | undefined = options.redis ? createRedisExtension(options.redis.url, options.redis.prefix) : undefined;
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Compaction of the update log into the stored state and JSON snapshot. Durability does not
    // depend on it (every update is logged before its ack), nor do publishing and export (they read
    // state + log, see currentDocumentJson), so it runs rarely: it costs a merge of the whole
    // document, which on a long one delayed keystrokes (bench p95) when it ran every second.
    debounce: 2000,
    maxDebounce: 10_000,
    // Redis first (its priority is higher): it takes a lock so one instance stores at a time.
    extensions: [
      ...(redis ? [redis] : []),
      new Database({ fetch: ({ documentName }) => fetchDocumentState(documentName), store: ({ documentName, document }) => storeDocumentState(documentName, document) }),
    ],
    async onAuthenticate({ requestHeaders, documentName, connectionConfig }) {
      const user = await userFromUpgrade(requestHeaders);
      if (!user) throw new Error("not signed in");
      const postMortemId = postMortemIdFrom(documentName);
      if (!postMortemId) throw new Error("unknown document");
      // Same rules as the pages: private incidents only for participants and admins; viewers read only.
      const { canEdit } = await loadVisiblePostMortem(await getDb(), user, postMortemId);
      connectionConfig.readOnly = !canEdit;
      return { user } satisfies CollabContext;
    },
    // Runs before Hocuspocus applies a message and acknowledges it: an update is committed to the
    // log first, so "All changes saved" is true even if the process dies the next instant. If the
    // write fails the connection closes unacknowledged and the provider resends on reconnect.
    async beforeHandleMessage({ connection, documentName, update: message }) {
      if (connection.readOnly) return;
      const update = documentUpdateIn(message);
      // The writer's account is checked again in the write's transaction (persistence.ts).
      if (!update) return;
      try {
        await appendDocumentUpdate(documentName, update, (connection.context as CollabContext).user);
      } catch (error) {
        // The socket closes with the reason, which the editor shows; the update is never applied.
        if (error instanceof CollabRefusedError) connection.webSocket.close(error.code, error.reason);
        throw error;
      }
    },
  });
  // Beyond it `ws` closes the socket with 1009 before the message is read; the editor says why.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: COLLAB_MAX_MESSAGE_BYTES });
  registerCollabControl({ closeDocument: (name) => hocuspocus.closeConnections(name) });

  /**
   * A role change or deactivation (the users NOTIFY, migration 0012), or the end of a session, closes the open
   * sockets: the provider reconnects and onAuthenticate decides afresh (read-only, or refused).
   * The socket, not Hocuspocus's per-document close, which the provider does not reconnect after.
   * A plain reset, not a refusal: the change may as well be a promotion.
   */
  const closeConnectionsWhere = (matches: (user: SignedInUser) => boolean) => {
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const user = (connection.context as Partial<CollabContext> | undefined)?.user;
        if (user && matches(user)) connection.webSocket.close(ACCOUNT_CHANGED.code, ACCOUNT_CHANGED.reason);
      }
    }
  };
  let stopListening: (() => void)[] = [];

  return {
    /** Fails fast with a reason when Redis is configured but does not answer. */
    async ready() {
      const { listener } = await getDatabase();
      stopListening = await Promise.all([
        listener.listen(USERS_CHANNEL, (userId) => closeConnectionsWhere((user) => user.id === userId)),
        // Migration 0015: a sign-out (here or in another instance) closes that session's sockets.
        listener.listen(SESSIONS_CHANNEL, (sessionId) => closeConnectionsWhere((user) => user.sessionId === sessionId)),
      ]);
      if (redis) await pingRedis(redis);
    },
    /** Open co-editing sockets in this process (the metrics gauge). */
    connectionCount: () => hocuspocus.getConnectionsCount(),
    handlesUpgrade: (req: IncomingMessage) => (req.url ?? "").split("?")[0] === COLLAB_PATH,
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      sockets.handleUpgrade(req, socket, head, (ws) => {
        // An oversized message is reported as an 'error' on the socket (then closed with 1009): with
        // no listener that error would be thrown, and take the whole process down.
        ws.on("error", (error) => logger.info({ err: error }, "co-editing socket closed on a protocol error"));
        hocuspocus.handleConnection(ws, req);
      });
    },
    async close() {
      for (const stop of stopListening) stop();
      // Compact pending updates before the database closes (they are safe in the log either way).
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.keys()].map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)));
      sockets.close();
      await redis?.onDestroy();
    },
    onError: (error: unknown) => logger.error({ err: error }, "collab error"),
  };
}
