import { describe, expect, it } from "vitest";
import pg from "pg";
import { databaseTrouble, noteListenerState } from "./unreachable";

describe("telling a database outage from other failures", () => {
  it("a refused connection is 'unreachable'; a failed query is not database trouble", async () => {
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused.
    const client = new pg.Client({ connectionString: "postgres://root@127.0.0.1:9/none", connectionTimeoutMillis: 2_000 });
    const refused = await client.connect().catch((error: unknown) => error);
    expect(databaseTrouble(refused)).toBe("unreachable");
    expect(databaseTrouble(Object.assign(new Error('Failed query: select 1 from "users"'), { cause: { code: "42703" } }))).toBeNull();
  });

  it("a pool that waited too long is 'busy' while the server is there, 'unreachable' once its LISTEN connection is lost", () => {
    const timeout = new Error("timeout exceeded when trying to connect");
    noteListenerState("up");
    expect(databaseTrouble(timeout)).toBe("busy");
    noteListenerState("down");
    expect(databaseTrouble(timeout)).toBe("unreachable");
    noteListenerState("up");
  });
});
