// What the database allows without HTTP: the app's own ingestion code (the source read, the rate
// counter, storeAlerts with its routing) called directly on a pool like the app's, with the bench's
// workload and concurrency. Set beside the HTTP figures, it shows what the request path (HTTP, body,
// parsing, credentials) adds. PostgreSQL only (PGlite has one owner, the app).
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { alertSources } from "@/db/schema";
import { payloadParsers } from "@/server/alerts/formats/parsers";
import { takeMinuteSlot } from "@/server/http/minute-window";
import { storeAlerts } from "@/server/alerts/store-alerts";
import { body, type Workload } from "./alert-load";
import { loadSql, type Figures } from "./raw-sql";

export type SqlCeiling = { label: string; figures: Figures };

type Step = "rate" | "store";

/** Two closed-loop runs of `seconds` each: the app's ingestion without HTTP, and the rate counter alone. */
export async function sqlCeilings(databaseUrl: string, sourceId: string, workload: Workload, concurrency: number, seconds: number): Promise<SqlCeiling[]> {
  const database = await openDatabase({ engine: "postgres", url: databaseUrl });
  try {
    const [source] = await database.db.select().from(alertSources).where(eq(alertSources.id, sourceId));
    if (!source) throw new Error("the bench's alert source is gone");
    const request = (steps: Step[]) => async () => {
      const parsed = payloadParsers.generic(JSON.parse(body("generic", [workload.pick()])));
      if ("problem" in parsed) throw new Error(parsed.problem);
      if (steps.includes("rate")) await takeMinuteSlot(database.db, "alertSource", source.id, source.rateLimitPerMinute);
      if (steps.includes("store")) await storeAlerts(database.db, source, parsed.records);
    };
    const modes: { label: string; steps: Step[] }[] = [
      { label: "the app's ingestion without HTTP: rate counter, storeAlerts (repeats, new alerts routed)", steps: ["rate", "store"] },
      { label: "the rate counter alone", steps: ["rate"] },
    ];
    const results: SqlCeiling[] = [];
    for (const mode of modes) {
      const op = request(mode.steps);
      for (let round = 0; round < 20; round++) await Promise.all(Array.from({ length: concurrency }, op));
      results.push({ label: mode.label, figures: await loadSql(op, concurrency, seconds) });
    }
    return results;
  } finally {
    await database.close();
  }
}
