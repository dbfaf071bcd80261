// Prints the totals of every suite in .test-results as one line: "N passed, N failed" (and any
// e2e test that failed once and passed on its retry, so a flaky test stays visible). Above the
// totals it repeats each failure's first error lines: CI logs are often read from the end, and the
// reporters print the reason far above.
import path from "node:path";
import { formatReasons, readTestReports } from "./test-report";

const { passed, failed, flaky, reasons } = readTestReports(path.resolve(".test-results"));
if (reasons.length) console.log(formatReasons(reasons));
console.log(`${passed} passed, ${failed} failed${flaky ? `, ${flaky} flaky (failed once, passed on retry: see above)` : ""}`);
