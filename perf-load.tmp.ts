import autocannon from "autocannon";
import fs from "node:fs";
const [path, secs] = [process.argv[2]!, Number(process.argv[3] ?? 8)];
const cookie = fs.readFileSync("/tmp/perf-prof/cookie", "utf8").trim();
const url = "http://127.0.0.1:3556" + path;
const first = await fetch(url, { headers: { cookie } }); console.log("status", first.status, (await first.text()).length);
await autocannon({ url, headers: { cookie }, connections: 32, amount: 640 });
const r = await autocannon({ url, headers: { cookie }, connections: 32, duration: secs });
console.log("p50", r.latency.p50, "p99", r.latency.p99, "rps", r.requests.average, "non2xx", r.non2xx);
