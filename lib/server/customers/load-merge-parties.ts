// The merge's inputs as planMerge takes them, read once for the merge and for its preview: each profile's
// properties with what its policies decide by (recency, source priority, consent dates) and the policies.
import type { Db, Tx } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/core/errors";
import { latestConsentChanges } from "@/lib/server/consents/latest-consent-changes";
import { propertiesOf } from "./customer-properties";
import { getExtendedProperties } from "./get-extended-properties";
import type { MergeParty } from "./plan-merge";

/** Highest priority among each customer's sources (0 without sources), for the `priority` policy. */
async function sourcePriorities(tx: Db | Tx, workspaceId: string, customerIds: string[]): Promise<Map<string, number>> {
  const links = await tx.customerSource.findMany({
    where: { workspaceId, customerId: { in: customerIds } },
    select: { customerId: true, source: { select: { priority: true } } },
  });
  const out = new Map<string, number>();
  for (const link of links)
    out.set(link.customerId, Math.max(out.get(link.customerId) ?? link.source.priority, link.source.priority));
  return out;
}

export interface MergeParties {
  survivor: MergeParty;
  /** In the order of `absorbedIds`. */
  absorbed: MergeParty[];
  mergePolicies: Record<string, string>;
}

export async function loadMergeParties(
  tx: Db | Tx,
  workspaceId: string,
  survivorId: string,
  absorbedIds: readonly string[],
): Promise<MergeParties> {
  const ids = [survivorId, ...absorbedIds];
  const { mergePolicies } = await getExtendedProperties({ workspaceId }, tx);
  const priorities = await sourcePriorities(tx, workspaceId, ids);
  const rows = await tx.customer.findMany({ where: { workspaceId, id: { in: ids } } });
  // Each consent leaf takes the most recent change: the registry knows when each key last changed.
  const consentChanges = await latestConsentChanges(tx, workspaceId, ids);
  const partyOf = (id: string): MergeParty => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound("Customer");
    return {
      id,
      side: {
        ...propertiesOf(row),
        updatedAt: row.updatedAt,
        sourcePriority: priorities.get(row.id) ?? 0,
        consentChangedAt: consentChanges.get(row.id) ?? {},
      },
    };
  };
  return { survivor: partyOf(survivorId), absorbed: absorbedIds.map(partyOf), mergePolicies };
}
