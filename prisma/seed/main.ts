// The demo data (`npm run db:seed`; `npm start` runs it with ATRIUM_SEED_IF_EMPTY=1 on first start).
// ATRIUM_SEED_REFERENCE_DATE (ISO date) pins the data to a day; by default it ends at the start of today (UTC).
import { db, disconnectDb } from "@/lib/server/db/client";
import { generateDemoData } from "./dataset";
import { DEMO_PASSWORD, DEMO_USERS, WORKSPACE_PLANS } from "./plans";
import { defaultReferenceDate } from "./random";
import { writeDemoData } from "./write";

const say = (line: string) => console.log(`[seed] ${line}`);

function referenceDate(): Date {
  const given = process.env.ATRIUM_SEED_REFERENCE_DATE;
  if (!given) return defaultReferenceDate();
  const date = new Date(given);
  if (Number.isNaN(date.getTime())) throw new Error(`ATRIUM_SEED_REFERENCE_DATE is not a date: ${given}`);
  return date;
}

async function main(): Promise<number> {
  const database = db();
  if (process.env.ATRIUM_SEED_IF_EMPTY === "1" && (await database.workspace.count()) > 0) {
    say("demo data already present");
    return 0;
  }
  const slugs = WORKSPACE_PLANS.map((plan) => plan.slug);
  const clash = await database.workspace.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  if (clash.length > 0) {
    console.error(
      `[seed] the demo workspaces already exist (${clash.map((ws) => ws.slug).join(", ")}); delete them first to seed again`,
    );
    return 1;
  }

  const started = performance.now();
  const ref = referenceDate();
  const existing = await database.user.findMany({
    where: { email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { id: true, email: true },
  });
  const existingUserIds = Object.fromEntries(
    DEMO_USERS.flatMap((user) => existing.filter((row) => row.email === user.email).map((row) => [user.key, row.id])),
  );
  const data = generateDemoData({ referenceDate: ref, existingUserIds });
  const generated = performance.now();
  const counts = await writeDemoData(database, data);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  say(
    `generated in ${seconds(generated - started)} s, written in ${seconds(performance.now() - generated)} s (reference date ${ref.toISOString().slice(0, 10)})`,
  );
  say(
    Object.entries(counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(", "),
  );
  say(`workspaces: ${WORKSPACE_PLANS.map((plan) => `${plan.name} (${plan.slug})`).join(", ")}`);
  for (const user of DEMO_USERS)
    say(
      `sign in as ${user.email} / ${DEMO_PASSWORD} (${user.memberships.map((m) => `${m.role.toLowerCase()} of ${m.workspace}`).join(", ")})`,
    );
  return 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error("[seed] failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    await disconnectDb().catch(() => {});
    process.exit(1);
  });
