// The customers a batch's events will point to, resolved to the ACTIVE end of any merge chain and locked
// FOR KEY SHARE until the transaction ends. The lock is the one the events' foreign key takes anyway, taken
// earlier: a merge (which locks customers FOR UPDATE before moving their events) then either finishes
// before this batch resolves, or waits and moves this batch's events too. Never events on a merged-away row.
import type { SqlTx } from "./ingest-transaction";

/** Merge chains are a few hops long; the bound only guards against a corrupted cycle. */
const MAX_HOPS = 50;

interface Row {
  id: string;
  status: "ACTIVE" | "MERGED";
  mergedIntoId: string | null;
}

/** requested id → ACTIVE customer id; ids that are not customers of the workspace are absent. */
export async function lockActiveCustomers(
  tx: SqlTx,
  workspaceId: string,
  customerIds: Iterable<string>,
): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  // Current hop → the requested ids that lead to it.
  let pending = new Map<string, string[]>();
  for (const id of customerIds) pending.set(id, [id]);
  for (let hop = 0; hop < MAX_HOPS && pending.size > 0; hop++) {
    // ORDER BY id: the order lockCustomers uses, so batches and merges cannot wait for each other in a cycle.
    const rows = await tx.query<Row>(
      `SELECT id::text AS id, status::text AS status, "mergedIntoId"::text AS "mergedIntoId" FROM "Customer"
        WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[])
        ORDER BY id
          FOR KEY SHARE`,
      [workspaceId, [...pending.keys()]],
    );
    const next = new Map<string, string[]>();
    for (const row of rows) {
      const requested = pending.get(row.id) ?? [];
      if (row.status === "ACTIVE") {
        for (const id of requested) resolved.set(id, row.id);
      } else if (row.mergedIntoId) {
        next.set(row.mergedIntoId, [...(next.get(row.mergedIntoId) ?? []), ...requested]);
      }
    }
    pending = next;
  }
  return resolved;
}
