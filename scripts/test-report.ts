// Reads the JSON reports in .test-results: totals, and each failure's first error lines. Used by
// scripts/test.ts right after a stage fails (so the reason sits next to "FAILED" in a CI log
// excerpt) and by scripts/test-totals.ts at the very end.
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

type PlaywrightResult = { status: string; retry: number; errors?: { message?: string }[] };
type PlaywrightSpec = { title: string; file: string; line: number; tests: { results: PlaywrightResult[] }[] };
type PlaywrightSuite = { specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type VitestFile = { name: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] };

export type TestReport = { passed: number; failed: number; flaky: number; reasons: string[] };

const firstLines = (text: string, count = 14) =>
  stripVTControlCharacters(text)
    .split("\n")
    .filter((line) => line.trim())
    .slice(0, count)
    .map((line) => `    ${line}`)
    .join("\n");

function collectPlaywright(suite: PlaywrightSuite, engine: string, reasons: string[]): void {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      for (const result of test.results) {
        if (result.status === "passed" || result.status === "skipped") continue;
        const message = result.errors?.map((error) => error.message ?? "").join("\n") ?? "";
        reasons.push(`✘ e2e ${engine} ${spec.file}:${spec.line} "${spec.title}" (attempt ${result.retry + 1}: ${result.status})\n${firstLines(message)}`);
      }
    }
  }
  for (const child of suite.suites ?? []) collectPlaywright(child, engine, reasons);
}

function collectVitest(files: VitestFile[], engine: string, reasons: string[]): void {
  for (const file of files) {
    const name = path.relative(process.cwd(), file.name);
    const failures = (file.assertionResults ?? []).filter((assertion) => assertion.status === "failed");
    for (const failure of failures) reasons.push(`✘ vitest ${engine} ${name} "${failure.fullName}"\n${firstLines(failure.failureMessages?.join("\n") ?? "")}`);
    if (!failures.length && file.message) reasons.push(`✘ vitest ${engine} ${name}\n${firstLines(file.message)}`);
  }
}

/** Sums the reports whose file names pass `include` (all of them by default). */
export function readTestReports(dir: string, include: (file: string) => boolean = () => true): TestReport {
  const report: TestReport = { passed: 0, failed: 0, flaky: 0, reasons: [] };
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!file.endsWith(".json") || !include(file)) continue;
    let json;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    } catch {
      report.reasons.push(`✘ ${file} is not readable JSON: the run stopped before its reporter finished`);
      continue;
    }
    const engine = file.replace(/^(vitest|e2e)-/, "").replace(/\.json$/, "");
    if (file.startsWith("vitest-")) {
      report.passed += json.numPassedTests ?? 0;
      report.failed += (json.numFailedTests ?? 0) + (json.numFailedTestSuites ?? 0);
      collectVitest(json.testResults ?? [], engine, report.reasons);
    } else if (file.startsWith("e2e-")) {
      report.passed += json.stats?.expected ?? 0;
      report.failed += json.stats?.unexpected ?? 0;
      report.flaky += json.stats?.flaky ?? 0;
      for (const suite of json.suites ?? []) collectPlaywright(suite, engine, report.reasons);
      for (const error of json.errors ?? []) report.reasons.push(`✘ e2e ${engine} (outside any test)\n${firstLines(error.message ?? "")}`);
    }
  }
  return report;
}

export const formatReasons = (reasons: string[]) => `\nWhat failed (first lines of each error):\n${reasons.join("\n")}\n`;
