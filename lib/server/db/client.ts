// The Prisma client (driver adapter on node-postgres), one per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForDb = globalThis as unknown as { atriumDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

/** The shared client; created on first use so that importing never needs a database. */
export function db(): PrismaClient {
  globalForDb.atriumDb ??= createClient();
  return globalForDb.atriumDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.atriumDb?.$disconnect();
  globalForDb.atriumDb = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
