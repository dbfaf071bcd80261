// Prints the totals of every suite in .test-results as one line: "N passed, N failed" (and any
// e2e test that failed once and passed on its retry, so a flaky test stays visible). Above the
// totals it repeats each failure's first error lines: CI logs are often read from the end, and the
// reporters print the reason far above.
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

type PlaywrightResult = { status: string; retry: number; errors?: { message?: string }[] };
type PlaywrightSpec = { title: string; file: string; line: number; tests: { results: PlaywrightResult[] }[] };
type PlaywrightSuite = { specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type VitestFile = { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] };

const dir = path.resolve(".test-results");
const firstLines = (text: string, count = 8) => stripVTControlCharacters(text).split("\n").filter((line) => line.trim()).slice(0, count).map((line) => `    ${line}`).join("\n");

let passed = 0;
let failed = 0;
let flaky = 0;
const reasons: string[] = [];

function collectPlaywright(suite: PlaywrightSuite, engine: string): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      test.results.forEach((result) => {
        if (result.status === "passed" || result.status === "skipped") return;
        const message = result.errors?.map((error) => error.message ?? "").join("\n") ?? "";
        reasons.push(`✘ e2e ${engine} ${spec.file}:${spec.line} "${spec.title}" (attempt ${result.retry + 1}: ${result.status})\n${firstLines(message)}`);
      });
    }
  }
  for (const child of suite.suites ?? []) collectPlaywright(child, engine);
}

function collectVitest(files: VitestFile[], engine: string): void {
  for (const file of files) {
    const failures = (file.assertionResults ?? []).filter((assertion) => assertion.status === "failed");
    for (const failure of failures) reasons.push(`✘ vitest ${engine} ${path.relative(process.cwd(), file.name)} "${failure.fullName}"\n${firstLines(failure.failureMessages?.join("\n") ?? "")}`);
    if (!failures.length && file.message) reasons.push(`✘ vitest ${engine} ${path.relative(process.cwd(), file.name)}\n${firstLines(file.message)}`);
  }
}

for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith(".json")) continue;
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const engine = file.replace(/^(vitest|e2e)-/, "").replace(/\.json$/, "");
  if (file.startsWith("vitest-")) {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    collectVitest(report.testResults ?? [], engine);
  } else if (file.startsWith("e2e-")) {
    passed += report.stats?.expected ?? 0;
    failed += report.stats?.unexpected ?? 0;
    flaky += report.stats?.flaky ?? 0;
    for (const suite of report.suites ?? []) collectPlaywright(suite, engine);
  }
}
if (reasons.length) console.log(`\nWhat failed (first lines of each error):\n${reasons.join("\n")}\n`);
console.log(`${passed} passed, ${failed} failed${flaky ? `, ${flaky} flaky (failed once, passed on retry: see above)` : ""}`);
