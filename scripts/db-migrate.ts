// npm run db:migrate — applies committed migrations to DATABASE_URL (idempotent), then installs or upgrades
// the job queue's schema (graphile_worker).
import { applyMigrations } from "@/lib/server/db/migrations";
import { migrateJobSchema } from "@/lib/server/jobs/migrate-jobs";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("db:migrate: DATABASE_URL is not set");
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
  await migrateJobSchema(url);
  // The wasm engine keeps a pooled connection checked out after free(); don't wait for its idle timeout.
  process.exit(0);
} catch (error) {
  console.error("db:migrate failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
