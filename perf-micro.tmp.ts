import { z } from "zod";
import { getDb } from "@/db/client";
import { readEvents } from "@/server/incidents/timeline";
import { timelineEventOutput } from "@/server/incidents/outputs";
import { transformer } from "@/lib/trpc/transformer";
const id = process.argv[2]!;
const db = await getDb();
const schema = z.array(timelineEventOutput);
const t = { read: 0, zod: 0, enc: 0, json: 0 };
const N = Number(process.argv[3] ?? 100);
for (let i = 0; i < N + 20; i++) {
  const a = performance.now();
  const rows = await readEvents({ db }, id, {});
  const b = performance.now();
  const parsed = schema.parse(rows);
  const c = performance.now();
  const enc = transformer.serialize(parsed);
  const d = performance.now();
  const json = JSON.stringify(enc);
  const e = performance.now();
  if (i >= 20) { t.read += b - a; t.zod += c - b; t.enc += d - c; t.json += e - d; }
  if (i === 0) console.log("events", rows.length, "bytes", json.length);
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / N).toFixed(2) + " ms"])));
process.exit(0);
