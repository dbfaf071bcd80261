import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied by drizzle's migrator on both engines.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
