// The profiles merged into a customer, directly or through earlier merges: MERGED rows kept so the merge
// can be undone. They hold the person's data too, so export shows them and erasure removes them.
import type { Db, Tx } from "@/lib/server/db/client";

export async function absorbedCustomerIds(client: Db | Tx, workspaceId: string, customerId: string): Promise<string[]> {
  // UNION (not UNION ALL) stops on a corrupted cycle instead of looping.
  const rows = await client.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE absorbed AS (
      SELECT id FROM "Customer"
       WHERE "workspaceId" = ${workspaceId}::uuid AND "mergedIntoId" = ${customerId}::uuid AND status = 'MERGED'
      UNION
      SELECT c.id FROM "Customer" c JOIN absorbed a ON c."mergedIntoId" = a.id
       WHERE c."workspaceId" = ${workspaceId}::uuid AND c.status = 'MERGED'
    )
    SELECT id::text AS id FROM absorbed ORDER BY id`;
  return rows.map((row) => row.id);
}
