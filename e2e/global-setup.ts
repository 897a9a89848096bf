// Playwright global setup: a fresh migrated database, then the real server (scripts/start.ts, the same
// code path as `npm start`) on a free port, building the app first when needed into its own dist dir
// (.next-e2e) so that it never replaces a developer's .next. Returns the teardown.
// With ATRIUM_E2E_BASE_URL already set, the specs run against that server and nothing is started (set
// ATRIUM_E2E_DATABASE_URL to its database too, for the specs that create users with the CLI).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@/test/test-database";
import { freePort } from "./helpers/free-port";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");
// Overridable so that two people (or agents) running the suite on one checkout do not build into the same directory.
const E2E_DIST_DIR = process.env.ATRIUM_E2E_DIST_DIR ?? ".next-e2e";
/** A first build on a 2-core CI machine takes a few minutes; a later start takes seconds. */
const STARTUP_TIMEOUT_MS = 10 * 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** Server output, prefixed so that it reads apart from Playwright's own in a CI log. */
function relayOutput(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`[e2e server] ${line}\n`);
    });
  }
}

function startServer(database: TestDatabase, baseUrl: string, port: number): ChildProcess {
  // The server must use the database made here, not the suite's TEST_DATABASE_URL.
  const { TEST_DATABASE_URL: _testDatabaseUrl, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    // Exactly what `npm start` runs; a test runner's NODE_ENV=test must not leak into the build.
    NODE_ENV: "production",
    // Like production: migrations as the owner, the server as the runtime role (the grants must suffice).
    DATABASE_URL: database.ownerUrl,
    DATABASE_RUNTIME_URL: database.url,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: baseUrl,
    NEXT_DIST_DIR: E2E_DIST_DIR,
    ATRIUM_BUILD_SKIP_TYPECHECK: "1",
    // Each spec seeds what it needs; the demo workspace would only make results depend on the seed.
    ATRIUM_SEED: "off",
    // The webhooks spec delivers to a receiver on 127.0.0.1 over http.
    ATRIUM_WEBHOOKS_ALLOW_PRIVATE: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts/start.ts")], {
    cwd: ROOT_DIR,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  relayOutput(child);
  return child;
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The e2e server exited before it was ready (code ${child.exitCode ?? child.signalCode})`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`)
      .then((res) => res.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The e2e server did not become healthy within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.ATRIUM_E2E_BASE_URL) return undefined;
  const database: TestDatabase = await createTestDatabase("e2e");
  let server: ChildProcess | null = null;
  const teardown = async () => {
    if (server) await stopServer(server);
    await database.dispose();
  };
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // The key that seals the installation secrets: the CLI the specs run must share the server's.
    process.env.ATRIUM_SECRET_KEY ??= randomBytes(32).toString("base64url");
    server = startServer(database, baseUrl, port);
    await waitUntilHealthy(baseUrl, server);
    // Workers start after the global setup and inherit this; playwright.config.ts reads it as baseURL.
    process.env.ATRIUM_E2E_BASE_URL = baseUrl;
    // Specs create their own users and workspaces with the atrium CLI against the server's database.
    process.env.ATRIUM_E2E_DATABASE_URL = database.url;
    // A second app instance (two-instances.spec.ts) starts as the first: migrations as the owner.
    process.env.ATRIUM_E2E_OWNER_DATABASE_URL = database.ownerUrl;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
