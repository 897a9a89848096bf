// Which PostgreSQL Atrium uses, and as which roles. Migrations run as the owner: DATABASE_URL, or the
// embedded server under .data/ when it is unset. The server runs as the runtime role (lib/server/db/
// runtime-role.ts): DATABASE_RUNTIME_URL when set; otherwise `<database>_runtime`, created by the owner
// where it may create roles, with a password derived from the installation's secret key (so every instance
// sharing that key agrees on it without storing it anywhere); on the embedded server, its own generated one.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/db/embedded";
import {
  checkRuntimeLogin,
  databaseOf,
  ensureRuntimeRole,
  grantRuntimeRole,
  mayCreateRoles,
  runtimeRoleName,
  urlAs,
} from "@/lib/server/db/runtime-role";
import { secretKey } from "@/lib/server/settings/secret-key";

export const ROOT_DIR = path.resolve(import.meta.dirname, "../../..");
export const EMBEDDED_DATA_DIR = path.join(ROOT_DIR, ".data", "postgres");
export const EMBEDDED_DATABASE = "atrium";

export interface ResolvedDatabase {
  /** The owner's URL: migrations only. */
  url: string;
  embedded: EmbeddedServer | null;
}

export async function resolveDatabase(log: (line: string) => void): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  log(
    `DATABASE_URL is not set: starting the embedded PostgreSQL in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR) || "."}`,
  );
  const embedded = await startEmbeddedPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    databases: [EMBEDDED_DATABASE],
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  });
  return { url: embedded.ownerUrlFor(EMBEDDED_DATABASE), embedded };
}

/** The runtime role's password when Atrium creates `<database>_runtime` itself: HMAC of the secret key. */
export function derivedRuntimePassword(role: string): string {
  return createHmac("sha256", secretKey()).update(`atrium database runtime role ${role}`).digest("base64url");
}

/**
 * After migrating: makes sure the runtime role exists and holds its grants, and returns its URL.
 * Fails (the server must not run as the owner) when no runtime role can be had.
 */
export async function prepareRuntimeDatabase(database: ResolvedDatabase, log: (line: string) => void): Promise<string> {
  const ownerUrl = database.url;
  const ownerRole = decodeURIComponent(new URL(ownerUrl).username);
  let runtimeUrl: string;
  if (process.env.DATABASE_RUNTIME_URL) {
    runtimeUrl = process.env.DATABASE_RUNTIME_URL;
  } else if (database.embedded) {
    runtimeUrl = database.embedded.runtimeUrlFor(EMBEDDED_DATABASE);
  } else {
    const role = runtimeRoleName(databaseOf(ownerUrl));
    const password = derivedRuntimePassword(role);
    if (await mayCreateRoles(ownerUrl)) {
      await ensureRuntimeRole(ownerUrl, role, password);
    } else {
      log(`${ownerRole} may not create roles: expecting the runtime role ${role} to exist already`);
    }
    runtimeUrl = urlAs(ownerUrl, role, password);
  }
  const runtimeRole = decodeURIComponent(new URL(runtimeUrl).username);
  if (runtimeRole === ownerRole) {
    throw new Error("DATABASE_RUNTIME_URL names the owner role of DATABASE_URL: the server needs a role of its own");
  }
  await grantRuntimeRole(ownerUrl, runtimeRole);
  await checkRuntimeLogin(runtimeUrl);
  log(`The server connects as the runtime role ${runtimeRole} (migrations ran as ${ownerRole})`);
  return runtimeUrl;
}

/** Runs a project script in a child process (migrations need Node's wasm flag; keep it out of the server). */
export function runScript(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(ROOT_DIR, script)], {
      cwd: ROOT_DIR,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with code ${code}`))));
  });
}

export function migrateDatabase(url: string): Promise<void> {
  return runScript("scripts/db-migrate.ts", { DATABASE_URL: url }, ["--experimental-wasm-modules", "--no-warnings"]);
}
