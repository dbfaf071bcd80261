// The real tRPC HTTP endpoint on a loopback port, for tests that check what a client receives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTrpcHandler } from "@/server/trpc/http-handler";

export type TrpcServer = { base: string; close(): Promise<void> };

export async function startTrpcServer(): Promise<TrpcServer> {
  const server = http.createServer(createTrpcHandler());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
