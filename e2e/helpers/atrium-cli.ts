// Runs the `atrium` CLI (lib/cli) against the e2e server's database, the way an operator bootstraps an
// installation: specs create their own users and workspaces with it instead of relying on the demo seed.
import { execFile } from "node:child_process";
import path from "node:path";

const ROOT_DIR = path.resolve(import.meta.dirname, "../..");

function databaseUrl(): string {
  const url = process.env.ATRIUM_E2E_DATABASE_URL;
  if (!url) {
    throw new Error(
      "ATRIUM_E2E_DATABASE_URL is not set: run through playwright.config.ts, or set it to the database of ATRIUM_E2E_BASE_URL's server",
    );
  }
  return url;
}

/** One CLI command; resolves with the JSON object it prints, rejects with its error message. */
export function atrium<T>(args: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT_DIR, "lib/cli/main.ts"), ...args],
      { cwd: ROOT_DIR, env: { ...process.env, DATABASE_URL: databaseUrl(), NODE_ENV: "production" }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error)
          return reject(new Error(`atrium ${args.slice(0, 2).join(" ")} failed: ${stderr.trim() || error.message}`));
        try {
          resolve(JSON.parse(stdout) as T);
        } catch {
          reject(new Error(`atrium ${args.slice(0, 2).join(" ")} printed no JSON: ${stdout}`));
        }
      },
    );
  });
}
