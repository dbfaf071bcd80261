// The real alert ingestion endpoint (server/http/alerts-endpoint.ts), behind the same cross-site gate
// server/main.ts puts in front of every request, on a loopback port: what a monitoring system reaches
// over HTTP.
import http from "node:http";
import { freePort } from "./app-process";
import { handleAlertsRequest, isAlertsRequest } from "@/server/http/alerts-endpoint";
import { refuseCrossSiteWrites } from "@/server/http/cross-site";

export type AlertsReceiver = { base: string; port: number; close(): Promise<void> };

const listener: http.RequestListener = (req, res) => {
  if (isAlertsRequest(req.url)) handleAlertsRequest(req, res);
  else res.writeHead(404).end();
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
