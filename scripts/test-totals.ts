// Prints the totals of every suite in .test-results as one line: "N passed, N failed".
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(".test-results");
let passed = 0;
let failed = 0;
for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!file.endsWith(".json")) continue;
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  if (file.startsWith("vitest-")) {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  } else if (file.startsWith("e2e-")) {
    passed += report.stats?.expected ?? 0;
    failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  }
}
console.log(`${passed} passed, ${failed} failed`);
