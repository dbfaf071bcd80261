import { expect, test } from "@playwright/test";
import { declareIncident, storageState } from "./helpers";

// The Content-Security-Policy must not break the app: pages hydrate, the theme script runs, the
// co-editing socket connects, and the browser reports no blocked script or connection.
test.use({ storageState: storageState("responder") });

test("with the security headers, pages hydrate, the theme applies and the post-mortem editor syncs", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|connect|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));

  await page.emulateMedia({ colorScheme: "dark" });
  const response = await page.goto("/incidents");
  const headers = response?.headers() ?? {};
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // next-themes' inline script ran under the nonce.
  await expect(page.locator("html")).toHaveClass(/dark/);

  await declareIncident(page, "CSP smoke: ledger latency");
  await page.getByRole("button", { name: "Start post-mortem" }).click();
  await expect(page).toHaveURL(/\/post-mortems\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");
  const document = page.getByRole("textbox", { name: "Post-mortem document" });
  await document.getByRole("heading", { name: "Summary", exact: true }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Typed under the policy.");
  await expect(page.getByTestId("sync-status")).toHaveText("All changes saved");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Post-mortem document" })).toContainText("Typed under the policy.");
  expect(violations).toEqual([]);
});

test("a form posted from another site at a mutation is refused with 403", async ({ page }) => {
  await page.goto("/incidents");
  const response = await page.request.post("/api/trpc/notifications.markAllRead", { headers: { origin: "https://evil.example" }, multipart: { anything: "x" } });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("came from another site");
});
