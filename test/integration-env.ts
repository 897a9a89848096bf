// Runs in each integration test worker: point the app's database client at this run's database.
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/server/db/client";
import { flushCoverage } from "./contract-coverage";

// The runtime role, as the server runs (test/test-database.ts); never the owner.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.ATRIUM_SECRET_KEY = inject("secretKey");
Object.assign(process.env, { NODE_ENV: "test" });
// Webhook receivers in tests listen on 127.0.0.1 over http (the SSRF tests switch this off themselves).
process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE ??= "1";

afterAll(async () => {
  flushCoverage(inject("contractCoverageDir"));
  await disconnectDb();
});
