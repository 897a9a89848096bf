// Row locks on customers for changes that must see them unchanged (merges, updates after resolution).
import type { Tx } from "@/lib/server/db/client";

export interface LockedCustomer {
  id: string;
  status: "ACTIVE" | "MERGED";
  mergedIntoId: string | null;
  /** updatedAt in epoch milliseconds: a number compares exactly, whatever time zone the process runs in. */
  updatedAtMs: number;
}

/**
 * Locks the workspace's customers with these ids, in id order so concurrent lockers cannot deadlock
 * (PostgreSQL locks the rows after sorting them). Ids that are not customers of the workspace are
 * simply absent from the result.
 */
export async function lockCustomers(
  tx: Tx,
  workspaceId: string,
  customerIds: string[],
): Promise<Map<string, LockedCustomer>> {
  if (customerIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<LockedCustomer[]>`
    SELECT id::text AS id, status::text AS status, "mergedIntoId"::text AS "mergedIntoId",
           (extract(epoch FROM "updatedAt") * 1000)::float8 AS "updatedAtMs"
      FROM "Customer"
     WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${[...new Set(customerIds)]}::uuid[])
     ORDER BY id
       FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}
