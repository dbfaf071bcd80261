// The real alert ingestion route (app/api/alerts/[sourceId]/route.ts), behind the same cross-site
// gate server/main.ts puts in front of every route, on a loopback port: what a monitoring system
// reaches over HTTP.
import http from "node:http";
import { freePort } from "./app-process";
import { Readable } from "node:stream";
import { POST } from "@/app/api/alerts/[sourceId]/route";
import { refuseCrossSiteWrites } from "@/server/http/cross-site";

export type AlertsReceiver = { base: string; port: number; close(): Promise<void> };

const listener: http.RequestListener = (req, res) => {
  const match = /^\/api\/alerts\/([^/?]+)/.exec(req.url ?? "");
  if (!match || req.method !== "POST") {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: "POST",
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
  POST(request, { params: Promise.resolve({ sourceId: match[1]! }) })
    .then(async (response) => {
      // Answered before the whole body arrived (413): close the connection, as Node's server does,
      // rather than leave the rest of the body on a socket the client would reuse.
      const headers = { ...Object.fromEntries(response.headers), ...(req.complete ? {} : { connection: "close" }) };
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    })
    .catch((error: unknown) => {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
};

export async function startAlertsReceiver(range = process.env.TEST_PORTS ?? "3800-3849"): Promise<AlertsReceiver> {
  const server = http.createServer(refuseCrossSiteWrites(listener, { trustProxy: false }));
  const port = await freePort(range);
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
