// The shop's consents for customers a batch's chunk has just created, set-based: for each buyer, what
// writeShopConsents does through changeConsents, one consent after another (each its own registry entries
// with the shop's evidence and time, and its own consent.changed audit entry and webhook event), for all
// of them in one transaction of a few statements.
// Only a plain case is settled here: an active customer, locked, with no registry history yet, and no
// consent dated further ahead than the registry accepts. Any other customer is handed back for
// writeShopConsents, which decides it as before.
import { insertAuditEntries } from "@/lib/server/audit/insert-audit-entries";
import type { Actor } from "@/lib/server/audit/record-audit";
import { queueDomainEvents } from "@/lib/server/audit/queue-domain-event";
import { applyConsentPatch, diffConsentStates, normalizeState } from "@/lib/server/consents/consent-leaves";
import { insertConsentChanges, type ConsentChangeRow } from "@/lib/server/consents/insert-consent-changes";
import { asObject, type JsonObject } from "@/lib/server/core/json";
import { inIngestTransaction } from "@/lib/server/events/ingest-transaction";
import { uuidV7 } from "@/lib/server/events/event-ids";
import type { ShopConsent } from "./shop-records";
import type { ShopSource } from "./shop-source";

export interface BuyerConsents {
  customerId: string;
  consents: readonly ShopConsent[];
}

/** recordConsentChange's bound on dates ahead of now. */
const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

interface Locked {
  id: string;
  status: string;
  consents: unknown;
  history: boolean;
}

/** Indexes of the items still to write one by one (writeShopConsents). */
export async function writeNewBuyerConsents(
  source: ShopSource,
  items: readonly BuyerConsents[],
  actor: Actor,
): Promise<number[]> {
  const { workspaceId } = source;
  const now = new Date();
  const perRow: number[] = [];
  const candidates: number[] = [];
  items.forEach((item, i) => {
    if (item.consents.length === 0) return;
    const tooFar = item.consents.some(
      (c) => c.occurredAt && new Date(c.occurredAt).getTime() > now.getTime() + MAX_FUTURE_SKEW_MS,
    );
    (tooFar ? perRow : candidates).push(i);
  });
  if (candidates.length === 0) return perRow;
  const meta = { source: `${source.type} source ${source.name}` };

  const handedBack = await inIngestTransaction(async (tx) => {
    // The rows recordConsentChange locks, in id order (as every locker of several customers).
    const rows = await tx.query<Locked>(
      `SELECT c.id::text AS id, c.status::text AS status, c.consents,
              EXISTS (SELECT 1 FROM "ConsentRecord" r
                       WHERE r."workspaceId" = c."workspaceId" AND r."customerId" = c.id) AS history
         FROM "Customer" c
        WHERE c."workspaceId" = $1::uuid AND c.id = ANY($2::uuid[])
        ORDER BY c.id
          FOR UPDATE OF c`,
      [workspaceId, [...new Set(candidates.map((i) => items[i].customerId))]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const back: number[] = [];
    const states: { id: string; consents: JsonObject }[] = [];
    const records: ConsentChangeRow[] = [];
    const audits: { customerId: string; keys: string[] }[] = [];
    const seen = new Set<string>();
    for (const i of candidates) {
      const { customerId, consents } = items[i];
      const row = byId.get(customerId);
      if (!row || row.status !== "ACTIVE" || row.history || seen.has(customerId)) {
        back.push(i);
        continue;
      }
      seen.add(customerId);
      let state = asObject(row.consents);
      const before = state;
      for (const consent of consents) {
        const [group, channel, leaf] = consent.key.split(".");
        const next = normalizeState(
          applyConsentPatch(state, { [group]: { [channel]: { [leaf]: { status: consent.status } } } }),
        );
        const changes = diffConsentStates(state, next);
        if (changes.length === 0) continue;
        const changedAt = (consent.occurredAt ? new Date(consent.occurredAt) : now).toISOString();
        for (const change of changes) {
          records.push({
            id: uuidV7(),
            customerId,
            key: change.key,
            previous: change.previous,
            current: change.current,
            changedAt,
            evidence: consent.evidence,
          });
        }
        audits.push({ customerId, keys: changes.map((c) => c.key) });
        state = next;
      }
      if (state !== before) states.push({ id: customerId, consents: state });
    }
    if (states.length === 0) return back;

    const at = now.toISOString(); // timestamp(3) columns hold UTC without a zone, as Prisma writes them
    await tx.query(
      `UPDATE "Customer" c SET consents = v.consents, "updatedAt" = $3::timestamp(3)
         FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, consents jsonb)
        WHERE c."workspaceId" = $1::uuid AND c.id = v.id`,
      [workspaceId, JSON.stringify(states), at],
    );
    await insertConsentChanges(tx, { workspaceId, actor, source: meta.source, changedAt: at }, records);
    // One consent.changed entry per change, keys only (what changeConsents records), and its webhook event.
    const entries = audits.map((a) => ({ targetId: a.customerId, details: { keys: a.keys } }));
    await insertAuditEntries(
      tx,
      { workspaceId, actor, action: "consent.changed", targetType: "customer", at },
      entries,
    );
    await queueDomainEvents(tx, workspaceId, "consent.changed", entries, at);
    return back;
  });
  return [...perRow, ...handedBack].sort((a, b) => a - b);
}
