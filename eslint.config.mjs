import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer boundaries (docs/architecture.md, docs/code-style.md). Imports across folders are written as
// `@/…` so that these rules can read them; a relative import may not climb out of its folder.
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "test/**", "e2e/**", "bench/**"];

const forbid = (regex, message) => ({ regex, message });
const NO_CLIMBING = forbid("^\\.\\./", "Import across folders with @/…, so the layer rules can see it.");
const NO_TEST_KITS = forbid("^@/test(/|$)", "Test kits and the harness are for tests only.");
const NO_HTTP = forbid("^@/lib/server/http(/|$)", "Services never see HTTP: only app/ routes use lib/server/http.");
const NO_SERVER = forbid("^@/lib/server(/|$)", "Browser code talks to the server through the API client only.");
const NO_PRISMA = forbid("^@/lib/generated(/|$)", "The Prisma client is server code.");
const NO_COMPONENTS = forbid("^@/components(/|$)", "lib/ sits below the UI: it never imports components/.");
const NO_CLIENT = forbid("^@/lib/client(/|$)", "Server and isomorphic code never import the browser client.");
const NO_APP = forbid("^@/app(/|$)", "Nothing imports route files; share code through lib/.");
const NO_NEXT_SERVER = forbid("^next(/|$)", "Services do not know the web framework.");

/** One config per layer, each applying to its own files only, so no two of them override each other. */
const layer = (files, patterns, ignores = [], common = [NO_CLIMBING, NO_TEST_KITS, NO_APP]) => ({
  files,
  ignores: [...TESTS, ...ignores],
  rules: { "no-restricted-imports": ["error", { patterns: [...common, ...patterns] }] },
});

const boundaries = [
  layer(
    ["lib/server/core/**"],
    [forbid("^@/lib/server/(?!core/)", "lib/server/core is the bottom layer: it imports nothing else of lib/server.")],
  ),
  layer(
    ["lib/server/db/**"],
    [forbid("^@/lib/server/(?!core/|db/|log$)", "lib/server/db imports only core (and the logger)."), NO_NEXT_SERVER],
  ),
  layer(["lib/server/http/**"], [NO_CLIENT, NO_COMPONENTS]),
  layer(["lib/server/runtime/**"], [NO_CLIENT, NO_COMPONENTS, NO_HTTP]),
  layer(
    ["lib/server/**", "lib/cli/**"],
    [NO_HTTP, NO_CLIENT, NO_COMPONENTS, NO_NEXT_SERVER],
    ["lib/server/core/**", "lib/server/db/**", "lib/server/http/**", "lib/server/runtime/**"],
  ),
  layer(
    ["lib/schemas/**"],
    [
      forbid("^@/lib/(server|client|generated)(/|$)", "lib/schemas is isomorphic: zod and other schemas only."),
      NO_COMPONENTS,
    ],
  ),
  layer(["lib/client/**"], [NO_SERVER, NO_PRISMA, NO_COMPONENTS, forbid("^server-only$", "Client code.")]),
  layer(["components/**"], [NO_SERVER, NO_PRISMA, forbid("^server-only$", "Client code.")]),
  layer(["scripts/**", "prisma/**"], []),
  // Pages may share the admin app's shell inside app/.
  layer(["app/**"], [], [], [NO_CLIMBING, NO_TEST_KITS]),
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // Built by scripts/build-tracker.ts from packages/tracker (minified).
      "public/sdk/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
];

export default config;
