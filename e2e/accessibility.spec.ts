import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { declareIncident, storageState } from "./helpers";

// axe-core over every main page, light and dark: a serious or critical violation fails the run,
// and the failure lists each rule, its impact and the elements it found.
const axeSource = path.join(process.cwd(), "node_modules/axe-core/axe.min.js");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

async function adminPage(browser: Browser): Promise<Page> {
  // The page's content security policy allows scripts by nonce only; axe is the test's own script.
  const context = await browser.newContext({ storageState: storageState("admin"), colorScheme: "light", bypassCSP: true });
  return context.newPage();
}

/** Serious and critical violations on the page as it is now, in the given theme (the system setting the app follows). */
async function seriousViolations(page: Page, theme: "light" | "dark"): Promise<Violation[]> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Opens a page and waits until it has rendered its data (no loading spinner left), with axe loaded. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator("main h1").first()).toBeVisible();
  await expect(page.locator('[data-slot="spinner"]')).toHaveCount(0);
  await page.addScriptTag({ path: axeSource });
}

const describe = (url: string, theme: string, violations: Violation[]) =>
  violations
    .map((v) => `${theme} ${url}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary ?? ""}`.replaceAll("\n", " ")).join("\n")}`)
    .join("\n");

test("no serious or critical axe-core violation on any main page, in light and dark", async ({ browser }) => {
  // About 40 page checks (20 pages, two themes) on a shared machine.
  test.setTimeout(480_000);
  const setup = await adminPage(browser);
  const incidentUrl = await declareIncident(setup, `Axe check ${Date.now().toString(36)}`);
  await setup.getByRole("button", { name: "Start post-mortem" }).click();
  await expect(setup).toHaveURL(/\/post-mortems\/[0-9a-f-]{36}$/);
  const postMortemUrl = setup.url();
  await setup.goto("/runbooks/new");
  await setup.getByLabel("Title").fill(`Axe runbook ${Date.now().toString(36)}`);
  await setup.getByLabel("Summary").fill("Checked by axe.");
  await setup.getByRole("textbox", { name: "Steps and guidance" }).click();
  await setup.keyboard.type("[] Look at the graphs");
  await setup.getByRole("button", { name: "Create runbook" }).click();
  await expect(setup).toHaveURL(/\/runbooks\/[0-9a-f-]{36}$/);
  const runbookUrl = new URL(setup.url()).pathname;
  await setup.context().close();

  const pages = [
    "/action-items/dashboard",
    "/incidents",
    new URL(incidentUrl).pathname,
    "/post-mortems",
    new URL(postMortemUrl).pathname,
    "/action-items",
    "/runbooks",
    runbookUrl,
    `${runbookUrl}/history`,
    "/alerts",
    "/settings/users",
    "/settings/teams",
    "/settings/services",
    "/settings/incident-roles",
    "/settings/action-items",
    "/settings/post-mortem-templates",
    "/settings/alert-sources",
    "/settings/alert-routing",
    "/settings/notifications",
    "/settings/audit",
  ];
  const found: string[] = [];
  // Each page is loaded once and checked in both themes: the theme follows the system setting live.
  const page = await adminPage(browser);
  for (const url of pages) {
    await open(page, url);
    for (const theme of ["light", "dark"] as const) {
      const violations = await seriousViolations(page, theme);
      if (violations.length) found.push(describe(url, theme, violations));
      if (violations.length) console.log(found.at(-1));
    }
    await page.emulateMedia({ colorScheme: "light" });
  }
  await page.context().close();
  expect(found, found.join("\n")).toEqual([]);
});
