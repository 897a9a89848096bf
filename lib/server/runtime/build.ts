// `npm start` builds the app when there is no build yet or the sources changed since the last one.
// The build goes to NEXT_DIST_DIR (default .next), so that the end-to-end tests can keep a build of
// their own (.next-e2e) that never replaces or invalidates a developer's.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT_DIR } from "./database";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "tsconfig.json", "prisma/schema.prisma"];
const IGNORED = new Set(["generated", "node_modules", "cli"]);
const DEFAULT_DIST_DIR = ".next";
/**
 * `next build` points these at the dist dir it builds into (it adds `<distDir>/types` to tsconfig.json's
 * include and imports them from next-env.d.ts). For a build outside .next that would leave a committed
 * file changed and the developer's type setup pointing at the test build, so they are put back.
 */
const FILES_NEXT_REWRITES = ["tsconfig.json", "next-env.d.ts"];

/** The directory Next builds into and serves from (next.config.ts reads the same variable). */
function distDir(): string {
  return path.resolve(ROOT_DIR, process.env.NEXT_DIST_DIR ?? DEFAULT_DIST_DIR);
}

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

/**
 * Runs `work`, then restores `files` as they were before it: content or absence, and the modification
 * time too (tsconfig.json is part of the source fingerprint, which must not change by a restore).
 */
function preservingFiles<T>(files: string[], work: () => T): T {
  const saved = files.map((file) => {
    const full = path.join(ROOT_DIR, file);
    return existsSync(full)
      ? { full, content: readFileSync(full), stat: statSync(full) }
      : { full, content: null, stat: null };
  });
  try {
    return work();
  } finally {
    for (const { full, content, stat } of saved) {
      if (content === null || stat === null) {
        rmSync(full, { force: true });
      } else if (!existsSync(full) || !readFileSync(full).equals(content)) {
        writeFileSync(full, content);
        utimesSync(full, stat.atime, stat.mtime);
      }
    }
  }
}

export function buildIfNeeded(log: (line: string) => void): void {
  const dir = distDir();
  const fingerprintFile = path.join(dir, "atrium-source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(dir, "BUILD_ID"));
  if (built && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint) return;
  const shown = path.relative(ROOT_DIR, dir);
  log(
    built
      ? `Sources changed since the last build: rebuilding into ${shown}…`
      : `Building the app into ${shown} (first start only)…`,
  );
  const runBuild = () =>
    spawnSync(process.execPath, [path.join(ROOT_DIR, "node_modules/next/dist/bin/next"), "build"], {
      cwd: ROOT_DIR,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  const result = shown === DEFAULT_DIST_DIR ? runBuild() : preservingFiles(FILES_NEXT_REWRITES, runBuild);
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(fingerprintFile, fingerprint);
}
