// Installs or upgrades the queue's own schema (graphile_worker), after Atrium's Prisma migrations
// (scripts/db-migrate.ts): one `npm run db:migrate` prepares everything, for `npm start` and the tests.
import { runMigrations } from "graphile-worker";

export async function migrateJobSchema(connectionString: string): Promise<void> {
  await runMigrations({ connectionString });
}
