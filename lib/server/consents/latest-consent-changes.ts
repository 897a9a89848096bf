// When each consent key of each customer last changed, from the registry: merges let the most recent
// change of each leaf win, which a profile's updatedAt (touched by any edit) cannot tell.
import type { Tx } from "@/lib/server/db/client";

/** customerId → key → epoch milliseconds of the key's newest registry entry. */
export async function latestConsentChanges(
  tx: Tx,
  workspaceId: string,
  customerIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const rows = await tx.consentRecord.groupBy({
    by: ["customerId", "key"],
    where: { workspaceId, kind: "CHANGE", customerId: { in: customerIds } },
    _max: { changedAt: true },
  });
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (!row.customerId || !row._max.changedAt) continue;
    const keys = out.get(row.customerId) ?? {};
    keys[row.key] = row._max.changedAt.getTime();
    out.set(row.customerId, keys);
  }
  return out;
}
