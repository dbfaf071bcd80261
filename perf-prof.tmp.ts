import autocannon from "autocannon";
import { signIn, queryPath } from "./bench/http-scenarios";
const [base, id, proc, secs] = [process.argv[2]!, process.argv[3]!, process.argv[4] ?? "timeline", Number(process.argv[5] ?? 8)];
const cookie = await signIn(base);
const path = proc === "timeline" ? queryPath("incidents.timeline", { incidentId: id }) : queryPath("incidents.list", {});
await autocannon({ url: base + path, headers: { cookie }, connections: 32, amount: 640 });
const r = await autocannon({ url: base + path, headers: { cookie }, connections: 32, duration: secs });
console.log(proc, "p50", r.latency.p50, "p99", r.latency.p99, "rps", r.requests.average, "non2xx", r.non2xx);
