// Runs in each integration test worker: point the app's database client at this run's database.
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/server/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
Object.assign(process.env, { NODE_ENV: "test" });

afterAll(async () => {
  await disconnectDb();
});
