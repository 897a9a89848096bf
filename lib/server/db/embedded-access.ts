// Run as root, the embedded PostgreSQL runs as a dedicated system user ("postgres"), which must be able to
// enter every folder above its binaries and its data (both under the checkout). A checkout inside a 0700
// home (/root, as in many containers) makes initdb die with `spawn … EACCES`: found here first, and said
// plainly with what to do.
import { statSync } from "node:fs";
import path from "node:path";

/** Folders from `dir` up to the file system root that users other than their owner cannot enter. */
export function untraversableAncestors(dir: string): string[] {
  const blocked: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      // "others" need the execute bit to pass through a folder the postgres user neither owns nor shares a group with.
      if ((statSync(current).mode & 0o001) === 0) blocked.push(current);
    } catch {
      // Not created yet: its parents decide.
    }
    if (path.dirname(current) === current) return blocked;
  }
}

/** Throws a message saying what to do when the embedded PostgreSQL's user could not reach `dirs`. */
export function assertEmbeddedPostgresCanRun(dirs: string[]): void {
  if (process.getuid?.() !== 0) return;
  const blocked = [...new Set(dirs.flatMap(untraversableAncestors))];
  if (blocked.length === 0) return;
  throw new Error(
    [
      "Atrium runs as root, so its embedded PostgreSQL runs as the system user 'postgres', which cannot enter",
      ...blocked.map((dir) => `  ${dir}`),
      "Do one of:",
      "  - run Atrium as a regular user (not root);",
      `  - let other users pass through these folders: chmod o+x ${blocked.join(" ")}`,
      "  - move the checkout to a folder everyone can enter (e.g. /opt/atrium or /srv/atrium);",
      "  - point DATABASE_URL at a PostgreSQL server.",
    ].join("\n"),
  );
}
