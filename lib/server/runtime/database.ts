// Which PostgreSQL Atrium uses: DATABASE_URL when set, otherwise an embedded server under .data/.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/db/embedded";

export const ROOT_DIR = path.resolve(import.meta.dirname, "../../..");
export const EMBEDDED_DATA_DIR = path.join(ROOT_DIR, ".data", "postgres");

export interface ResolvedDatabase {
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
    databases: ["atrium"],
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  });
  return { url: embedded.urlFor("atrium"), embedded };
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
