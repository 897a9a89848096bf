// npm start — runs Atrium: database (embedded when DATABASE_URL is unset) → migrations as the owner → the
// runtime role and its grants → demo data on first run → build when needed → HTTP server on PORT, connected
// as the runtime role. Ctrl-C stops everything, the embedded database too.
// `--dev` runs Next in development mode instead of building.
import { buildIfNeeded } from "@/lib/server/runtime/build";
import path from "node:path";
import {
  migrateDatabase,
  prepareRuntimeDatabase,
  resolveDatabase,
  ROOT_DIR,
  runScript,
} from "@/lib/server/runtime/database";
import { startHttpServer } from "@/lib/server/runtime/http-server";
import { handleFrontDoor } from "@/lib/server/http/front-door";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const say = (line: string) => console.log(`[atrium] ${line}`);

// The secret key that seals the installation secrets: .data/secret.key of this checkout unless given.
if (!process.env.ATRIUM_SECRET_KEY) process.env.ATRIUM_SECRET_KEY_FILE ??= path.join(ROOT_DIR, ".data", "secret.key");

const database = await resolveDatabase(say);
let stopping = false;
const stopDatabase = async () => {
  if (database.embedded) {
    say("Stopping the embedded PostgreSQL…");
    await database.embedded.stop();
  }
};

try {
  await migrateDatabase(database.url);
  const runtimeUrl = await prepareRuntimeDatabase(database, say);
  // From here on everything (the seed, the server, its job worker) uses the runtime role only.
  process.env.DATABASE_URL = runtimeUrl;
  delete process.env.DATABASE_RUNTIME_URL;
  if (process.env.ATRIUM_SEED !== "off")
    await runScript("prisma/seed/main.ts", { DATABASE_URL: runtimeUrl, ATRIUM_SEED_IF_EMPTY: "1" });
  if (!dev) buildIfNeeded(say);
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
  const server = await startHttpServer({ port, hostname, dev, frontDoor: handleFrontDoor });
  say(`Atrium is running at ${server.url} (API reference: ${server.url}/docs/api)`);

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: shutting down…`);
    await server.close().catch(() => {});
    await stopDatabase().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  console.error("[atrium] failed to start:", error instanceof Error ? error.message : error);
  await stopDatabase().catch(() => {});
  process.exit(1);
}
