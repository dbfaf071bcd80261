// The REST API (/api/v1) on a loopback port, with the per-request headers server/main.ts sets.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/context";
import { handleApiV1Request } from "@/server/api-v1/handler";
import { createApiToken } from "@/server/api-tokens/create";
import { createApiTokenInput } from "@/server/api-tokens/schemas";
import { contextFor } from "./actors";

export type ApiServer = { base: string; close(): Promise<void> };

export async function startApiServer(): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    req.headers["x-request-id"] = randomUUID();
    req.headers["x-daytwo-client-ip"] = req.socket.remoteAddress ?? "unknown";
    handleApiV1Request(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A token created through the real verb, as `creator`; returns the secret and the stored view. */
export async function makeToken(db: Db, creator: Actor, input: Omit<z.input<typeof createApiTokenInput>, "name"> & { name?: string }) {
  return createApiToken({ ctx: contextFor(db, creator), input: createApiTokenInput.parse({ name: `token ${randomUUID().slice(0, 6)}`, ...input }) });
}
