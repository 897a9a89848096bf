// npm run db:migration:create -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the committed migrations to the current schema.prisma. A throw-away "shadow"
// database (on DATABASE_URL's server, or an embedded one) receives the committed migrations first.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDatabase, dropDatabase } from "@/lib/server/db/admin";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded";
import { diffSchemaAgainst, MIGRATIONS_DIR } from "@/lib/server/db/migrations";

const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("usage: npm run db:migration:create -- <name>");
  process.exit(2);
}

const embedded = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: ".data/postgres", databases: [] });
const serverUrl = process.env.DATABASE_URL ?? embedded!.adminUrlFor("postgres");
const shadowName = `atrium_shadow_${Date.now()}`;
try {
  const shadowUrl = await createDatabase(serverUrl, shadowName);
  const sql = await diffSchemaAgainst(shadowUrl);
  if (!sql || /^-- This is an empty migration\.?$/m.test(sql)) {
    console.log("No schema changes: no migration written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} catch (error) {
  console.error("db:migration:create failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await dropDatabase(serverUrl, shadowName).catch(() => {});
  await embedded?.stop();
}
