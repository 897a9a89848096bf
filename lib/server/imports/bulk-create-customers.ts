// The set-based form of resolution's "create" outcome, for many new people at once: what
// resolveCustomerWrite and finishCustomerWrite write for a write whose identities nobody owns, as a few
// multi-row statements. Under the same locks (the workspace's share lock, then the identities' advisory
// locks in key order), the owners are read once for the whole chunk; a write with any owned identity is
// handed back for the per-row path, which decides update, merge or refusal. Each effect of the per-row
// path is reproduced: the customer row (searchText, tags, the consent state), its identities, the source
// link, one consent registry entry per changed leaf with the import's evidence, the customer.created audit
// entry and its webhook domain event. Report summaries and view change tracking follow from the tables'
// statement-level triggers, as for any insert.
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { Actor } from "@/lib/server/audit/record-audit";
import { insertAuditEntries } from "@/lib/server/audit/insert-audit-entries";
import { queueDomainEvents } from "@/lib/server/audit/queue-domain-event";
import {
  applyConsentPatch,
  diffConsentStates,
  normalizeState,
  type LeafChange,
} from "@/lib/server/consents/consent-leaves";
import { insertConsentChanges, type ConsentChangeRow } from "@/lib/server/consents/insert-consent-changes";
import { compactObject, type JsonObject } from "@/lib/server/core/json";
import { unionOf } from "@/lib/server/customers/deep-merge-base";
import { isUuid } from "@/lib/server/db/ids";
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import { profileFieldOf, type IdentityCandidate } from "@/lib/server/identity/identity-candidates";
import { insertRows } from "@/lib/server/records/insert-rows";
import { customerColumns } from "@/lib/server/records/rows";
import { identityOwners, lockChunk } from "./chunk-locks";

export interface BulkCreateItem {
  write: CustomerWrite;
  candidates: IdentityCandidate[];
}

export interface BulkCreateInput {
  workspaceId: string;
  items: readonly BulkCreateItem[];
  actor: Actor;
  requestId?: string;
  consentSource: string;
  consentEvidence?: string;
  /** The writes' time (createdAt, registry changedAt, audit); parts of one chunk share it. */
  now?: Date;
}

/** Per item: the new customer's id, or null when it must go through the per-row path. */
export type BulkCreateResult = (string | null)[];

const AUDIT_DETAILS = { via: "resolution", resolution: "create" };

/** Sources the writes name that exist in the workspace (a write naming another is left to the per-row path's 422). */
async function knownSources(tx: SqlTx, workspaceId: string, items: readonly BulkCreateItem[]): Promise<Set<string>> {
  const named = [...new Set(items.flatMap((item) => (item.write.sourceId ? [item.write.sourceId] : [])))];
  if (named.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM "Source" WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[])`,
    [workspaceId, named.filter(isUuid)],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * The state recordConsentChange stores for a new customer (the patch applied to {}, normalised) and its
 * registry entries. An import's rows carry a handful of distinct consent patches, so each is worked out once.
 */
function consentStates(): (write: CustomerWrite) => { next: JsonObject; changes: LeafChange[] } {
  const known = new Map<string, { next: JsonObject; changes: LeafChange[] }>();
  return (write) => {
    const patch = compactObject((write.consents ?? {}) as JsonObject);
    const key = JSON.stringify(patch);
    let found = known.get(key);
    if (!found) {
      const next = normalizeState(applyConsentPatch({}, patch));
      found = { next, changes: Object.keys(patch).length > 0 ? diffConsentStates({}, next) : [] };
      known.set(key, found);
    }
    return found;
  };
}

export async function bulkCreateCustomers(tx: SqlTx, input: BulkCreateInput): Promise<BulkCreateResult> {
  const { workspaceId, items, actor } = input;
  const result: BulkCreateResult = items.map(() => null);
  if (items.length === 0) return result;
  const identities = items.flatMap((item) => item.candidates);
  await lockChunk(tx, workspaceId, identities);
  const [owned, sources] = await Promise.all([
    identityOwners(tx, workspaceId, identities),
    knownSources(tx, workspaceId, items),
  ]);

  const consentsOf = consentStates();
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const customers: JsonObject[] = [];
  const identityRows = {
    id: [] as string[],
    customerId: [] as string[],
    type: [] as string[],
    value: [] as string[],
    derivedFrom: [] as (string | null)[],
  };
  const identitySources: (string | null)[] = [];
  const consentRows: ConsentChangeRow[] = [];
  const links: { customerId: string; sourceId: string }[] = [];
  const createdIds: string[] = [];
  items.forEach((item, i) => {
    const { write, candidates } = item;
    if (candidates.some((c) => owned.has(identityKey(c)))) return;
    const sourceId = write.sourceId ?? null;
    if (sourceId && !sources.has(sourceId)) return;
    const id = uuidV7(now.getTime());
    result[i] = id;
    createdIds.push(id);
    const { next, changes } = consentsOf(write);
    const columns = customerColumns({
      externalId: write.externalId ?? null,
      base: compactObject((write.base ?? {}) as JsonObject),
      extended: compactObject(write.extended ?? {}),
      tags: unionOf([], write.tags ?? []),
      consents: changes.length > 0 ? next : {},
    });
    customers.push({ id, ...columns });
    for (const candidate of candidates) {
      identityRows.id.push(uuidV7(now.getTime()));
      identityRows.customerId.push(id);
      identityRows.type.push(candidate.type);
      identityRows.value.push(candidate.value);
      // Read from the profile, like resolution's: the identity follows its field (replaced when it changes).
      identityRows.derivedFrom.push(profileFieldOf(candidate.type));
      identitySources.push(sourceId);
    }
    if (sourceId) links.push({ customerId: id, sourceId });
    for (const change of changes) {
      consentRows.push({
        id: uuidV7(now.getTime()),
        customerId: id,
        key: change.key,
        previous: change.previous,
        current: change.current,
      });
    }
  });
  if (createdIds.length === 0) return result;

  await tx.query(
    `INSERT INTO "Customer" ("workspaceId", id, "externalId", base, extended, tags, consents, "searchText", "createdAt", "updatedAt")
     SELECT $1::uuid, r.id, r."externalId", r.base, r.extended, r.tags, r.consents, r."searchText", $3::timestamp(3), $3::timestamp(3)
       FROM jsonb_to_recordset($2::jsonb)
         AS r(id uuid, "externalId" text, base jsonb, extended jsonb, tags text[], consents jsonb, "searchText" text)`,
    [workspaceId, JSON.stringify(customers), at],
  );
  // Nobody owned these identities under their locks, and every writer of identities holds those locks: a
  // conflict here means a writer that does not, and fails the chunk (the caller then goes row by row).
  await tx.query(
    `INSERT INTO "Identity" ("workspaceId", id, "customerId", type, value, "sourceId", "derivedFrom")
     SELECT $1::uuid, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::text[])`,
    [
      workspaceId,
      identityRows.id,
      identityRows.customerId,
      identityRows.type,
      identityRows.value,
      identitySources,
      identityRows.derivedFrom,
    ],
  );
  await insertRows(
    tx,
    "CustomerSource",
    links.map((link) => ({ workspaceId, ...link, firstSeenAt: at })),
    "ON CONFLICT DO NOTHING",
  );
  await insertConsentChanges(
    tx,
    { workspaceId, actor, source: input.consentSource, changedAt: at, evidence: input.consentEvidence },
    consentRows,
  );
  // One customer.created entry per customer (what recordAudit writes).
  const created = createdIds.map((targetId) => ({ targetId, details: AUDIT_DETAILS }));
  await insertAuditEntries(
    tx,
    { workspaceId, actor, action: "customer.created", targetType: "customer", requestId: input.requestId, at },
    created,
  );
  await queueDomainEvents(tx, workspaceId, "customer.created", created, at);
  return result;
}
