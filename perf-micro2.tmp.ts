import pg from "pg";
import { timelineSql } from "./bench/raw-sql";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const op = timelineSql(pool, process.argv[2]!);
let t = 0; const N = 100;
for (let i = 0; i < N + 20; i++) { const a = performance.now(); await op(); if (i >= 20) t += performance.now() - a; }
console.log("raw timeline (incident + events)", (t / N).toFixed(2), "ms");
await pool.end();
