import { defineConfig, devices } from "@playwright/test";

// Runs against the production build started by the real entry point (server/main.ts).
// `npm test` supplies the database (a fresh PGlite folder or a fresh PostgreSQL database).
const port = Number(process.env.E2E_PORT ?? 3100);
// "localhost", not 127.0.0.1: Next normalizes loopback hosts to localhost in request URLs, and
// Auth.js's AUTH_URL (needed for OIDC) must match the origin the browser uses.
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  // One retry: on a loaded 2-core CI machine a browser step can miss its timeout once. A test that
  // needed the retry is reported as flaky in the totals (scripts/test-totals.ts), never hidden.
  retries: 1,
  // Generous: CI machines here have run 1.5–2× slower than a session's; a real hang still fails, with
  // the call log of the action that waited (actionTimeout below).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    // A click or navigation that cannot happen fails on its own, with Playwright's call log (what
    // covered the button, what it waited for), instead of hanging until the whole test times out.
    actionTimeout: 30_000,
    navigationTimeout: 45_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node --import tsx server/main.ts",
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // A real OpenID Connect provider, started by e2e/oidc.spec.ts itself (see e2e/oidc-provider.ts).
      OIDC_ISSUER: "http://127.0.0.1:3190",
      AUTH_URL: baseURL,
      OIDC_CLIENT_ID: "daytwo-e2e",
      OIDC_CLIENT_SECRET: "daytwo-e2e-secret",
      OIDC_NAME: "Test SSO",
    },
  },
});
