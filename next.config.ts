import type { NextConfig } from "next";
import { serverEnv } from "./env";

// A bad variable fails the build and the start, not a request.
serverEnv();

const nextConfig: NextConfig = {
  // Both drivers must be loaded by Node, not bundled: PGlite ships WASM, pg has optional natives.
  // Yjs must be one instance in the process: the co-editing server (outside the bundle) and the
  // post-mortem verbs (inside it) both use it.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "yjs"],
  poweredByHeader: false,
  // The `radix-ui` umbrella package re-exports every primitive: import only those a file names.
  experimental: { optimizePackageImports: ["radix-ui"] },
  typedRoutes: false,
};

export default nextConfig;
