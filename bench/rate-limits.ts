// Cost of one rate-limit check (rate-limiter-flexible's atomic upsert on "RateLimit", through the app's
// Prisma pool): consumes per second, one at a time and with concurrent callers, on one hot key (a busy
// write key) and on many keys (many addresses). Every limited request pays one such consume.
// Run: npx tsx bench/rate-limits.ts [consumes=2000] [concurrency=8]
// It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's server, else an embedded PostgreSQL).
async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 8);
  const { createTestDatabase } = await import("../test/test-database");
  const database = await createTestDatabase("bench-limits");
  process.env.DATABASE_URL = database.url;
  const { consume } = await import("../lib/server/limits/limiter");
  const { disconnectDb } = await import("../lib/server/db/client");
  const policy = { name: "bench", points: 1_000_000_000, seconds: 60 };
  try {
    await consume(policy, "warm-up");
    const run = async (label: string, parallel: number, keyOf: (i: number) => string) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < total) await consume(policy, keyOf(next++));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${Math.round(total / seconds)} consumes/s (${((seconds * 1000) / total).toFixed(2)} ms each)`,
      );
    };
    // Baseline on the same pool and machine: the cheapest statement there is.
    const { db } = await import("../lib/server/db/client");
    const started = performance.now();
    for (let i = 0; i < Math.min(total, 500); i++) await db().$queryRawUnsafe("SELECT 1");
    const ms = (performance.now() - started) / Math.min(total, 500);
    console.log(`baseline SELECT 1, sequential: ${Math.round(1000 / ms)} /s (${ms.toFixed(2)} ms each)`);
    await run("one key, sequential", 1, () => "hot");
    await run(`one key, ${concurrency} concurrent`, concurrency, () => "hot");
    await run(`distinct keys, ${concurrency} concurrent`, concurrency, (i) => `key-${i}`);
  } finally {
    await disconnectDb();
    await database.dispose();
  }
}

await main();

export {};
