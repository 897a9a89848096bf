// Writes the generated demo in one transaction (all or nothing: a half-written demo would make the
// "seed if empty" start-up check skip it forever). The big tables go in as chunks of JSON expanded by
// PostgreSQL (json_populate_recordset): one parameter per chunk, many times faster than createMany.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/server/auth/passwords";
import type { Tx } from "@/lib/server/db/client";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import type { DemoData } from "./dataset";
import { DEMO_PASSWORD } from "./plans";

const CHUNK = 5_000;

export interface WriteCounts {
  users: number;
  workspaces: number;
  sources: number;
  customers: number;
  identities: number;
  customerSources: number;
  events: number;
  consentRecords: number;
  merges: number;
  views: number;
  dailyStats: number;
}

type BulkTable = "Customer" | "Identity" | "CustomerSource" | "Event" | "ConsentRecord" | "Merge";

/** Inserts rows (keys are column names; a key a row lacks is NULL there, not the default) in chunks. */
async function insertRows(tx: Tx, table: BulkTable, rows: object[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (!columns.every((column) => /^[A-Za-z]+$/.test(column))) throw new Error(`unexpected column name in ${table}`);
  const list = columns.map((column) => `"${column}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  let count = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    // Dates become ISO strings, which timestamp columns read as UTC; null becomes SQL NULL.
    count += await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + CHUNK)));
  }
  return count;
}

export async function writeDemoData(database: PrismaClient, data: DemoData): Promise<WriteCounts> {
  // Hash before the transaction: argon2 is deliberately slow and needs no connection.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const counts: WriteCounts = {
    users: 0,
    workspaces: 0,
    sources: 0,
    customers: 0,
    identities: 0,
    customerSources: 0,
    events: 0,
    consentRecords: 0,
    merges: 0,
    views: 0,
    dailyStats: 0,
  };
  await database.$transaction(
    async (tx: Tx) => {
      for (const user of data.users) {
        await tx.user.upsert({
          where: { email: user.email },
          create: {
            id: user.id,
            email: user.email,
            name: user.name,
            passwordHash,
            createdAt: user.createdAt,
            updatedAt: user.createdAt,
          },
          update: {},
        });
        counts.users += 1;
      }
      for (const ws of data.workspaces) {
        await tx.workspace.create({ data: ws.workspace });
        counts.workspaces += 1;
        const sources = ws.sources.map((source) => {
          const key = generateWriteKey();
          return { ...source, writeKeyHash: key.hash, writeKeyPrefix: key.prefix };
        });
        counts.sources += (await tx.source.createMany({ data: sources })).count;
        await tx.extendedProperty.createMany({ data: ws.extendedProperties });
        await tx.identityRuleSet.create({ data: ws.identityRuleSet });
        counts.views += (await tx.view.createMany({ data: ws.views })).count;
        counts.customers += await insertRows(tx, "Customer", ws.customers);
        counts.identities += await insertRows(tx, "Identity", ws.identities);
        counts.customerSources += await insertRows(tx, "CustomerSource", ws.customerSources);
        counts.events += await insertRows(tx, "Event", ws.events);
        counts.consentRecords += await insertRows(tx, "ConsentRecord", ws.consentRecords);
        counts.merges += await insertRows(tx, "Merge", ws.merges);
        // The report summaries (DailyCustomerStat …) are kept by database triggers as the rows above go in.
        counts.dailyStats += await tx.dailyCustomerStat.count({ where: { workspaceId: ws.workspace.id } });
      }
      await tx.membership.createMany({ data: data.memberships, skipDuplicates: true });
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
  return counts;
}
