// The database for one CLI run: DATABASE_URL when set; otherwise the embedded PostgreSQL that `npm start`
// uses — the running one when `npm start` is up (two servers cannot share a data directory), or one
// started (and migrated) just for this command and stopped again afterwards.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "@/lib/server/db/client";
import { credentialsFileFor, readCredentials } from "@/lib/server/db/embedded-credentials";
import {
  EMBEDDED_DATA_DIR,
  EMBEDDED_DATABASE,
  prepareRuntimeDatabase,
  resolveDatabase,
  ROOT_DIR,
} from "@/lib/server/runtime/database";

interface CliDatabase {
  url: string;
  close(): Promise<void>;
}

/** Runs `work` with DATABASE_URL pointing at the database, and always releases it afterwards. */
export async function withCliDatabase<T>(log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  // The same secret key as `npm start` (the installation secrets are sealed with it).
  if (!process.env.ATRIUM_SECRET_KEY) process.env.ATRIUM_SECRET_KEY_FILE ??= path.join(ROOT_DIR, ".data", "secret.key");
  const database = await openCliDatabase(log);
  process.env.DATABASE_URL = database.url;
  try {
    return await work();
  } finally {
    await disconnectDb().catch(() => {});
    await database.close();
  }
}

async function openCliDatabase(log: (line: string) => void): Promise<CliDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, close: async () => {} };
  const running = await runningEmbeddedUrl();
  if (running) {
    log("Using the embedded PostgreSQL that is already running (npm start).");
    return { url: running, close: async () => {} };
  }
  const resolved = await resolveDatabase(log);
  const { url, embedded } = resolved;
  const stop = async () => {
    if (!embedded) return;
    log("Stopping the embedded PostgreSQL…");
    await embedded.stop();
  };
  try {
    // A fresh embedded database has no tables yet. Migrating is idempotent, but starting the migration
    // engine is slow, so it only runs when a committed migration is missing.
    if (await hasPendingMigrations(url)) await migrateQuietly(url);
    // Like the server, the CLI works as the runtime role, never as the owner.
    return { url: await prepareRuntimeDatabase(resolved, () => {}), close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The URL of an embedded server already running on the data directory, if it answers. */
async function runningEmbeddedUrl(): Promise<string | null> {
  const pidFile = await readFile(path.join(EMBEDDED_DATA_DIR, "postmaster.pid"), "utf8").catch(() => null);
  // postmaster.pid: pid, data directory, start time, port, … (PostgreSQL documents this layout).
  const port = Number(pidFile?.split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0) return null;
  // The runtime role `npm start` created (lib/server/db/embedded.ts keeps its generated password).
  const runtime = readCredentials(credentialsFileFor(EMBEDDED_DATA_DIR))?.runtime;
  if (!runtime) return null;
  const url = `postgresql://${encodeURIComponent(runtime.name)}:${encodeURIComponent(runtime.password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    // A stale pid file after a crash: PostgreSQL itself cleans it up when the server is started again.
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether a committed migration (a folder under prisma/migrations) is not yet recorded as applied. */
async function hasPendingMigrations(url: string): Promise<boolean> {
  const entries = await readdir(path.join(ROOT_DIR, "prisma", "migrations"), { withFileTypes: true });
  const committed = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists",
    );
    if (!table.rows[0]?.exists) return true;
    const applied = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const names = new Set(applied.rows.map((row) => row.migration_name));
    return committed.some((name) => !names.has(name));
  } finally {
    await client.end();
  }
}

/** Applies migrations in a child process (it needs Node's wasm flag), its output going to stderr. */
function migrateQuietly(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", path.join(ROOT_DIR, "scripts/db-migrate.ts")],
      { cwd: ROOT_DIR, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", 2, 2] },
    );
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`migrating the embedded database failed (exit code ${code})`)),
    );
  });
}
