// Blameless-language checker: precision and recall on the labelled corpus, and the time to check
// a 20-page post-mortem. Returns lines instead of printing so bench/run.ts decides where they go.
import { checkBlame } from "@/lib/blameless/check";
import { blamelessCorpus, corpusPersonNames } from "@/test/fixtures/blameless-corpus";

const PRECISION_TARGET = 0.9;
const RECALL_TARGET = 0.8;
const DOC_CHARS = 60_000;
const RUNS = 20;
const MAX_LISTED = 10;

const ratio = (num: number, den: number) => (den === 0 ? 0 : num / den);
const passFail = (ok: boolean) => (ok ? "PASS" : "FAIL");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

// Async so it fits the other benches' shape; the work itself is synchronous.
export async function blamelessBench(): Promise<string> {
  const options = { personNames: corpusPersonNames };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const wrong: string[] = [];
  for (const entry of blamelessCorpus) {
    const flags = checkBlame(entry.text, options);
    const flagged = flags.length > 0;
    if (flagged && entry.isBlaming) tp++;
    else if (flagged) fp++;
    else if (entry.isBlaming) fn++;
    else tn++;
    if (flagged !== entry.isBlaming) {
      const why = flagged ? `flagged by ${flags.map((f) => `${f.ruleId} "${f.excerpt}"`).join(", ")}` : "not flagged";
      wrong.push(`  ${flagged ? "FP" : "FN"} ${entry.text} (${why})`);
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);

  // A realistic long document: corpus sentences repeated into paragraphs until ~20 pages.
  let doc = "";
  for (let i = 0; doc.length < DOC_CHARS; i++) {
    doc += blamelessCorpus[i % blamelessCorpus.length]?.text ?? "";
    doc += i % 6 === 5 ? "\n\n" : " ";
  }
  checkBlame(doc, options); // warm-up: compiles the name patterns and lets the JIT settle
  const times: number[] = [];
  let docFlags = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    docFlags = checkBlame(doc, options).length;
    times.push(performance.now() - start);
  }
  const ms = median(times);

  const lines = [
    "",
    "Blameless language checker (lib/blameless)",
    `corpus: ${blamelessCorpus.length} sentences (${tp + fn} blaming, ${fp + tn} fine)`,
    `TP ${tp}  FP ${fp}  FN ${fn}  TN ${tn}`,
    `precision ${precision.toFixed(3)} (target ≥ ${PRECISION_TARGET}) ${passFail(precision >= PRECISION_TARGET)}`,
    `recall    ${recall.toFixed(3)} (target ≥ ${RECALL_TARGET}) ${passFail(recall >= RECALL_TARGET)}`,
    `20-page document (${doc.length.toLocaleString("en")} chars, ${docFlags} flags): median ${ms.toFixed(2)} ms over ${RUNS} runs (target < 50 ms) ${passFail(ms < 50)}`,
  ];
  if (wrong.length > 0) {
    lines.push(`misclassified (${Math.min(wrong.length, MAX_LISTED)} of ${wrong.length}):`, ...wrong.slice(0, MAX_LISTED));
  }
  return lines.join("\n");
}
