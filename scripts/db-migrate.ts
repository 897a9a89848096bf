// npm run db:migrate — applies committed migrations to DATABASE_URL (idempotent).
import { applyMigrations } from "@/lib/server/db/migrations";

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
  // The wasm engine keeps a pooled connection checked out after free(); don't wait for its idle timeout.
  process.exit(0);
} catch (error) {
  console.error("db:migrate failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
