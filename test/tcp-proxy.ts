// A TCP proxy a test owns in front of the shared PostgreSQL server: cutting it is a database outage
// for whatever connects through it, and nobody else's connections notice.
import net from "node:net";

export type TcpProxy = { port: number; url(databaseUrl: string): string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      // Sockets reset (as when a server dies), and no new connection is accepted until restore().
      for (const socket of sockets) socket.resetAndDestroy();
      server.close(() => resolve());
    });
  return {
    port,
    url(databaseUrl) {
      const parsed = new URL(databaseUrl);
      parsed.host = `127.0.0.1:${port}`;
      return parsed.toString();
    },
    cut: stop,
    restore: () => listen(port),
    close: stop,
  };
}
