// `npm start` builds the app when there is no build yet or the sources changed since the last one.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "./database";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "tsconfig.json", "prisma/schema.prisma"];
const IGNORED = new Set(["generated", "node_modules", "cli"]);
const FINGERPRINT_FILE = path.join(ROOT_DIR, ".next", "atrium-source-fingerprint");

function listFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (IGNORED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
}

function sourceFingerprint(): string {
  const files: string[] = SOURCE_FILES.map((f) => path.join(ROOT_DIR, f)).filter(existsSync);
  for (const dir of SOURCE_DIRS) listFiles(path.join(ROOT_DIR, dir), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(`${file}:${statSync(file).size}:${statSync(file).mtimeMs}\n`);
  return hash.digest("hex");
}

export function buildIfNeeded(log: (line: string) => void): void {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT_DIR, ".next", "BUILD_ID"));
  if (built && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint) return;
  log(built ? "Sources changed since the last build: rebuilding…" : "Building the app (first start only)…");
  const result = spawnSync(process.execPath, [path.join(ROOT_DIR, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
