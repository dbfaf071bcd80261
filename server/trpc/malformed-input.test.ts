// Property-based: every query and mutation of the router, found at run time (a new procedure is
// covered without touching this file), is fed malformed values derived from its own input schema —
// NUL bytes, broken UTF-16, numbers past int4, deep nesting, huge strings and arrays, wrong types —
// as an admin and as a responder, through the real tRPC fetch handler. Each answer must be a 4xx
// with a readable message, and the database must be exactly as before.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { notifications } from "@/db/schema";
import type { Actor } from "@/server/context";
import { createActionItem } from "@/server/action-items/create";
import { declareIncident } from "@/server/incidents/declare";
import { attachRunbook } from "@/server/runbooks/attach";
import { importMarkdownRunbook } from "@/server/runbooks/import-markdown";
import { createTeam } from "@/server/teams/create";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { malformed, shapeOf, type Ids } from "@/test/malformed-inputs";
import { callProcedure } from "@/test/trpc-call";
import { appRouter } from "./root";

type ProcedureDef = { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>)
  .map(([path, procedure]) => ({ path, def: procedure._def }))
  // Subscriptions are streams, not request/answer; their input is checked in bad-input.test.ts.
  .filter(({ def }) => def.type !== "subscription");

// Enough runs to reach every field of most inputs, few enough for ~75 procedures × 2 actors.
const RUNS = 10;

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
let ids: Ids;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin");
  responder = await createActor(database.db, "responder");
  const ctx = contextFor(database.db, admin);
  const incident = await declareIncident({ ctx, input: { title: "Fuzzed incident", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
  const runbook = await importMarkdownRunbook({ ctx, input: { markdown: "# Fuzzed runbook\n\n- [ ] One step\n" } });
  const { incidentRunbookId } = await attachRunbook({ ctx, input: { incidentId: incident.id, runbookId: runbook.id } });
  const team = await createTeam({ ctx, input: { name: "Fuzzers", description: "" } });
  const item = await createActionItem({ ctx, input: { title: "Fuzz the inputs", description: "", ownerId: admin.id, incidentId: incident.id, priority: "medium", kind: "prevent" } });
  const [notification] = await database.db.insert(notifications).values({ userId: admin.id, kind: "overdue", title: "Fuzz", href: "/" }).returning();
  ids = {
    default: incident.id,
    incidentId: incident.id,
    runbookId: runbook.id,
    incidentRunbookId,
    teamId: team.id,
    actionItemId: item.id,
    userId: responder.id,
    ownerId: admin.id,
    commanderId: admin.id,
    actorId: admin.id,
    id: runbook.id,
  };
  if (notification) ids.notificationId = notification.id;
});
afterAll(async () => database?.close());

/** Row count and a hash of every row, per table: any write shows. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = (await database.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as {
    rows: { name: string }[];
  };
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const quoted = sql.raw(`"${name.replace(/"/g, '""')}"`);
    const { rows } = (await database.db.execute(sql`select count(*)::int as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from ${quoted} t`)) as unknown as {
      rows: { n: number; h: string | null }[];
    };
    result[name] = `${rows[0]?.n}:${rows[0]?.h ?? ""}`;
  }
  return result;
}

// What a person must never be shown: stack frames, database errors, raw runtime failures.
const unreadable =
  /call stack|\bat \S+ \(|\n\s+at |\bselect\b.*\bfrom\b|insert into|update .* set|violates|syntax error|relation "|invalid input syntax|out of range for type|unsupported unicode|\\u0000|TypeError|RangeError|undefined is not|cannot read prop/i;

describe("every procedure refuses malformed input", () => {
  it("finds the router's procedures at run time", () => {
    expect(procedures.length).toBeGreaterThan(60);
  });

  for (const { path, def } of procedures) {
    it(`${def.type} ${path}`, async () => {
      const shape = def.inputs[0] ? shapeOf(def.inputs[0]) : ({ kind: "void" } as const);
      const before = await snapshot();
      for (const actor of [admin, responder]) {
        await fc.assert(
          fc.asyncProperty(malformed(shape, "input", ids), async (input) => {
            const answer = await callProcedure(database.db, actor, path, input, def.type === "query" ? "query" : "mutation");
            const message = answer.error?.message ?? "";
            const what = `${actor.role} ${path} → ${answer.status} ${answer.error?.data.code}: ${message.slice(0, 300)}`;
            expect(answer.status, what).toBeGreaterThanOrEqual(400);
            expect(answer.status, what).toBeLessThan(500);
            expect(message, what).toMatch(/[a-z]{3,}/i);
            expect(message, what).not.toMatch(unreadable);
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
      }
      expect(await snapshot()).toEqual(before);
    });
  }
});
