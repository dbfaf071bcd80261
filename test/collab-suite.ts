// The set-up every process-level co-editing test shares: a fresh database with a post-mortem,
// clients destroyed and servers stopped after the file, even when a test fails.
import { afterAll, beforeAll } from "vitest";
import { stopAllApps } from "./app-process";
import type { Client } from "./collab-clients";
import { createCollabFixture, type CollabFixture } from "./collab-fixture";

export function collabSuite(): { readonly fixture: CollabFixture; clients: Client[] } {
  let fixture: CollabFixture | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    fixture = await createCollabFixture();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await stopAllApps();
    await fixture?.close();
  });
  return {
    get fixture() {
      if (!fixture) throw new Error("the collab fixture is created in beforeAll");
      return fixture;
    },
    clients,
  };
}
