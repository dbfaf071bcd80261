import js from "@eslint/js";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "test/generated/**", "next-env.d.ts", "playwright-report/**", "test-results/**", ".test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { drizzle, "react-hooks": reactHooks },
    rules: {
      // A DELETE or UPDATE without WHERE on a drizzle handle is almost always a bug.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // Configuration is read in env.ts only. NODE_ENV stays: Next inlines it at build, in the browser too.
    // Tests, scripts, benches and tool configs set up their own processes and may read their own settings.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["env.ts", "**/*.test.ts", "test/**", "scripts/**", "bench/**", "e2e/**", "playwright.config.ts", "next.config.ts", "vitest.config.ts", "drizzle.config.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[property.name='NODE_ENV'] > .object)",
          message: "Read configuration through serverEnv() from @/env (one module validates every setting).",
        },
      ],
    },
  },
  // Data flows one way: app → components → server → lib → db. Each layer names the folders it must not reach,
  // by alias or by relative path; type-only imports count too (a type a lower layer needs moves down with it).
  layer("db", ["server", "lib", "components", "app"], "db/ is the bottom layer: schema and client only."),
  layer("lib", ["server", "components", "app"], "lib/ is shared by server and browser; move what it needs into lib/ or db/."),
  layer("components", ["app", "db"], "components/ render; data comes through tRPC, routes through props."),
  layer("app", ["db"], "app/ routes and renders; data access goes through tRPC or server/ helpers."),
);

/** One no-restricted-imports block per layer folder (a later block would replace, not merge, an earlier one). */
function layer(folder, forbidden, message) {
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": ["error", { patterns: forbidden.map((target) => ({ regex: `^(@/|(\\.\\./)+)${target}(/|$)`, message })) }],
    },
  };
}
