// A webhook receiver on loopback for delivery tests: answers each request with the next scripted
// status (then 200), records every request, and keeps a log of accepted ids the way a careful
// receiver would (a repeated webhook-id is acknowledged and not processed again).
import http from "node:http";
import { freePort } from "./app-process";

export type ReceivedWebhook = { headers: http.IncomingHttpHeaders; body: string; status: number };
export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  accepted: string[];
  /** Statuses to answer with, in order, before answering 200 again. */
  script: { status: number; headers?: Record<string, string> }[];
  close(): Promise<void>;
};

export async function startWebhookReceiver(range = process.env.TEST_PORTS ?? "3800-3849"): Promise<WebhookReceiver> {
  const receiver: Omit<WebhookReceiver, "url" | "close"> = { received: [], accepted: [], script: [] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const next = receiver.script.shift() ?? { status: 200 };
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status: next.status });
      const id = String(req.headers["webhook-id"] ?? "");
      if (next.status >= 200 && next.status < 300 && id && !receiver.accepted.includes(id)) receiver.accepted.push(id);
      res.writeHead(next.status, { "content-type": "text/plain", ...next.headers });
      res.end(next.status < 300 ? "ok" : `no (${next.status})`);
    });
  });
  const port = await freePort(range);
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/daytwo`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
