// The shop ids of the customers a batch's chunk has just created, attached set-based: for each, what
// addCustomerIdentity does (the identity normalised, suppression respected, the identity's advisory lock
// and the customer's key-share lock taken in that order, one customer.identityAdded audit entry), for all
// of them in one transaction of a few statements instead of a dozen round trips each.
// A shop id this cannot settle plainly (already someone's, or its customer merged away meanwhile) is handed
// back, and the caller gives it to addCustomerIdentity, which decides it as before.
import { insertAuditEntries } from "@/lib/server/audit/insert-audit-entries";
import type { Actor } from "@/lib/server/audit/record-audit";
import { inIngestTransaction } from "@/lib/server/events/ingest-transaction";
import { lockActiveCustomers } from "@/lib/server/events/lock-active-customers";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { normalizeCandidate, type IdentityCandidate } from "@/lib/server/identity/identity-candidates";
import { orderedIdentityLockKeys } from "@/lib/server/identity/lock-identities";
import { dropSuppressed } from "@/lib/server/suppression/drop-suppressed";
import { shopIdentityType, type ShopSource } from "./shop-source";

export interface ShopIdItem {
  customerId: string;
  shopCustomerId: string;
}

/** Indexes of the items still to attach one by one (addCustomerIdentity). Suppressed shop ids are dropped, as per row. */
export async function attachShopIds(source: ShopSource, items: readonly ShopIdItem[], actor: Actor): Promise<number[]> {
  const { workspaceId } = source;
  if (items.length === 0) return [];
  const rules = await getIdentityRules({ workspaceId });
  const type = shopIdentityType(source);
  const candidates = items.map((item) => normalizeCandidate(type, item.shopCustomerId, rules));
  const usable: { index: number; candidate: IdentityCandidate }[] = [];
  const perRow: number[] = [];
  candidates.forEach((candidate, index) => (candidate ? usable.push({ index, candidate }) : perRow.push(index)));
  // Counted once here, like refuseSuppressed would; a suppressed shop id is not attached (the per-row path
  // refuses it too, and the connector leaves it at that).
  const suppressed = await dropSuppressed(
    workspaceId,
    usable.map((u) => u.candidate),
  );
  const open = usable.filter((u) => !suppressed.has(`${u.candidate.type}:${u.candidate.value}`));
  if (open.length === 0) return perRow;

  const attached = await inIngestTransaction(async (tx) => {
    const keys = orderedIdentityLockKeys(
      workspaceId,
      open.map((u) => u.candidate),
    );
    await tx.query(`SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, [keys]);
    const active = await lockActiveCustomers(
      tx,
      workspaceId,
      open.map((u) => items[u.index].customerId),
    );
    // Only a customer still itself (not merged into another meanwhile) gets its shop id here.
    const plain = open.filter((u) => active.get(items[u.index].customerId) === items[u.index].customerId);
    if (plain.length === 0) return new Set<number>();
    const ids = plain.map(() => uuidV7());
    const rows = await tx.query<{ id: string; customerId: string }>(
      `INSERT INTO "Identity" ("workspaceId", id, "customerId", type, value, "sourceId")
       SELECT $1::uuid, x.id, x."customerId", $4, x.value, $5::uuid
         FROM unnest($2::uuid[], $3::uuid[], $6::text[]) AS x(id, "customerId", value)
       ON CONFLICT ("workspaceId", type, value) DO NOTHING
       RETURNING id::text AS id, "customerId"::text AS "customerId"`,
      [
        workspaceId,
        ids,
        plain.map((u) => items[u.index].customerId),
        type,
        source.id,
        plain.map((u) => u.candidate.value),
      ],
    );
    await insertAuditEntries(
      tx,
      { workspaceId, actor, action: "customer.identityAdded", targetType: "customer", at: new Date().toISOString() },
      rows.map((row) => ({ targetId: row.customerId, details: { identityId: row.id, type } })),
    );
    const inserted = new Set(rows.map((row) => row.id));
    return new Set(plain.filter((_, k) => inserted.has(ids[k])).map((u) => u.index));
  });
  return [...perRow, ...open.filter((u) => !attached.has(u.index)).map((u) => u.index)].sort((a, b) => a - b);
}
