// Co-editing on the app's own port: Hocuspocus behind the session cookie, state in Postgres.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Database } from "@hocuspocus/extension-database";
import type { Redis } from "@hocuspocus/extension-redis";
import { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { getDb } from "@/db/client";
import { logger } from "@/server/log";
import { loadVisiblePostMortem } from "@/server/post-mortems/access";
import { documentUpdateIn } from "./incoming-update";
import { appendDocumentUpdate, fetchDocumentState, postMortemIdFrom, storeDocumentState } from "./persistence";
import { createRedisExtension, pingRedis } from "./redis";
import { registerCollabControl } from "./registry";
import { userFromUpgrade } from "./session";

export const COLLAB_PATH = "/collab";

export type CollabOptions = { redis?: { url: string; prefix: string } };

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
      return { user };
    },
    // Runs before Hocuspocus applies a message and acknowledges it: an update is committed to the
    // log first, so "All changes saved" is true even if the process dies the next instant. If the
    // write fails the connection closes unacknowledged and the provider resends on reconnect.
    async beforeHandleMessage({ connection, documentName, update: message }) {
      if (connection.readOnly) return;
      const update = documentUpdateIn(message);
      if (update) await appendDocumentUpdate(documentName, update);
    },
  });
  const sockets = new WebSocketServer({ noServer: true });
  registerCollabControl({ closeDocument: (name) => hocuspocus.closeConnections(name) });

  return {
    /** Fails fast with a reason when Redis is configured but does not answer. */
    async ready() {
      if (redis) await pingRedis(redis);
    },
    handlesUpgrade: (req: IncomingMessage) => (req.url ?? "").split("?")[0] === COLLAB_PATH,
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      sockets.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req));
    },
    async close() {
      // Compact pending updates before the database closes (they are safe in the log either way).
      hocuspocus.closeConnections();
      await Promise.all([...hocuspocus.documents.keys()].map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)));
      sockets.close();
      await redis?.onDestroy();
    },
    onError: (error: unknown) => logger.error({ err: error }, "collab error"),
  };
}
