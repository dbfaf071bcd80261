// The co-editing server inside the test process, on a loopback port from TEST_PORTS, over the
// process's test database: for tests that need real WebSocket clients but not a whole app process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createCollabServer } from "@/server/collab/collab-server";
import { freePort } from "./app-process";
import { TEST_AUTH_SECRET } from "./collab-clients";

export type InProcessCollab = { port: number; close(): Promise<void> };

export async function startCollabInProcess(): Promise<InProcessCollab> {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const collab = createCollabServer();
  await collab.ready();
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const sockets = new Set<Duplex>();
  server.on("upgrade", (req, socket, head) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    if (collab.handlesUpgrade(req)) collab.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    void freePort().then((port) => server.listen(port, "127.0.0.1", resolve), reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      await collab.close();
      // Upgraded sockets are no longer the HTTP server's: end them, or close() waits for the clients.
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
