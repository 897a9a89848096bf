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
// Suites share one database, and their handler calls one address ("unknown"; 127.0.0.1 over HTTP): limits
// counted per address or per export would tie unrelated suites together. The limit tests set their own
// (lib/server/limits/rate-limits.int.test.ts, lib/server/auth/oidc/token-limits.int.test.ts); the sign-in
// and ingestion defaults stay, and are what the sign-in throttle test checks.
process.env.ATRIUM_RATE_LIMIT_AUTH_FAILURES ??= "1000000/900";
process.env.ATRIUM_RATE_LIMIT_EXPORT ??= "1000000/600";
process.env.ATRIUM_RATE_LIMIT_TOKEN_ADDRESS ??= "1000000/60";
process.env.ATRIUM_RATE_LIMIT_TOKEN_CLIENT ??= "1000000/60";

afterAll(async () => {
  flushCoverage(inject("contractCoverageDir"));
  await disconnectDb();
});
