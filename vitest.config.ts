import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    // *.postgres.test.ts need a server connection to cut (database outages); PGlite has none.
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", ...(process.env.DATABASE_URL ? [] : ["**/*.postgres.test.ts"])],
    environment: "node",
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // inlined, Vite resolves it (tests drive Auth.js's own sign-in and sign-out routes).
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["./test/global-setup.ts"],
    pool: "forks",
    // Two cores here; each PGlite copy costs a few hundred MB.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: "silent" },
  },
});
