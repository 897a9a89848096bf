// The set-based form of resolution's "update" outcome for the commonest updates: a write that matches one
// customer, by identities that are all already that customer's, and brings new properties, tags or
// consents or nothing at all (an import run again, or with changed columns; a shop resending its
// customers). Per row, such a write costs a dozen statements; here a chunk's worth is written in a few.
// Under the same locks as resolution (the workspace's share lock, the identities' advisory locks, then the
// customers' rows), a write qualifies only if resolution would update that one customer, every identity
// of the write is already the customer's, the update replaces none of the identities derived from the
// profile (a new e-mail for a customer matched by its external id goes per row), and no other write of the
// chunk touches the customer (their order would matter). What the per-row path writes is written here too:
// the properties merged as applyIncoming merges them (searchText rebuilt), the consent state and one
// registry entry per changed leaf with the import's evidence, the row's updatedAt (and with it the view
// change tracking), the identities' lastSeenAt, anonymous events adopted, the customer.updated audit entry
// and its webhook domain event. Anything else goes per row.
import { isDeepStrictEqual } from "node:util";
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import type { Actor } from "@/lib/server/audit/record-audit";
import { insertAuditEntries } from "@/lib/server/audit/insert-audit-entries";
import { queueDomainEvents } from "@/lib/server/audit/queue-domain-event";
import { applyConsentPatch, diffConsentStates, normalizeState } from "@/lib/server/consents/consent-leaves";
import { insertConsentChanges, type ConsentChangeRow } from "@/lib/server/consents/insert-consent-changes";
import { asObject, type JsonObject } from "@/lib/server/core/json";
import { propertiesOf } from "@/lib/server/customers/customer-properties";
import { applyIncoming, incomingProperties } from "@/lib/server/customers/resolve-customer-write";
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { chooseResolution } from "@/lib/server/identity/choose-resolution";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import {
  identityCandidates,
  replacedIdentities,
  type IdentityCandidate,
} from "@/lib/server/identity/identity-candidates";
import { customerColumns } from "@/lib/server/records/rows";
import { identityOwners, lockChunk } from "./chunk-locks";

export interface UpdateMatchedInput {
  workspaceId: string;
  rules: IdentityRules;
  /** Every write of the chunk with its identities; `indexes` are the ones to try. */
  writes: readonly CustomerWrite[];
  candidates: readonly IdentityCandidate[][];
  indexes: readonly number[];
  /** The chunk's other writes still to be written: a customer any of them touches is left to the per-row path. */
  others: readonly number[];
  actor: Actor;
  requestId?: string;
  /** The consent registry's source and evidence for the writes' consents (as the per-row path records them). */
  consentSource: string;
  consentEvidence?: string;
  now: Date;
}

const AUDIT_DETAILS = { via: "resolution", resolution: "update" };

interface CustomerRow {
  id: string;
  status: string;
  externalId: string | null;
  base: unknown;
  extended: unknown;
  tags: string[];
  consents: unknown;
  searchText: string;
}

/** What the per-row update would write to the row: new columns (null: only updatedAt) and registry entries. */
type RowUpdate = { columns: ReturnType<typeof customerColumns> | null; consentChanges: ConsentChangeRow[] };

/**
 * resolveCustomerWrite's update of `row` by `write`: the properties merged, then the consent patch applied;
 * null when the update would replace one of the profile's identities (the per-row path moves it).
 */
function updateOf(row: CustomerRow, write: CustomerWrite, rules: IdentityRules, now: number): RowUpdate | null {
  const existing = propertiesOf(row);
  const incoming = incomingProperties(write);
  const updated = applyIncoming(existing, incoming);
  if (replacedIdentities(identityCandidates(existing, rules), identityCandidates(updated, rules)).length > 0) {
    return null;
  }
  const previous = asObject(row.consents);
  let consents: JsonObject = previous;
  let consentChanges: ConsentChangeRow[] = [];
  if (Object.keys(incoming.consents).length > 0) {
    const next = normalizeState(applyConsentPatch(previous, incoming.consents));
    const changes = diffConsentStates(previous, next);
    if (changes.length > 0) {
      consents = next;
      consentChanges = changes.map((change) => ({
        id: uuidV7(now),
        customerId: row.id,
        key: change.key,
        previous: change.previous,
        current: change.current,
      }));
    }
  }
  const columns = customerColumns({ ...updated, consents });
  const unchanged =
    columns.externalId === row.externalId &&
    columns.searchText === row.searchText &&
    consentChanges.length === 0 &&
    isDeepStrictEqual(columns.tags, row.tags) &&
    isDeepStrictEqual(columns.base, existing.base) &&
    isDeepStrictEqual(columns.extended, existing.extended);
  return { columns: unchanged ? null : columns, consentChanges };
}

/** Per index tried: the customer the write updated, or absent when it must go per row. */
export async function updateMatchedCustomers(tx: SqlTx, input: UpdateMatchedInput): Promise<Map<number, string>> {
  const { workspaceId, writes, candidates, indexes, others } = input;
  const written = new Map<number, string>();
  // A write naming a source also links it and checks it exists: left to the per-row path, as one of the others.
  const tried = indexes.filter((i) => !writes[i].sourceId && candidates[i].length > 0);
  if (tried.length === 0) return written;
  const triedSet = new Set(tried);
  const rest = [...others, ...indexes.filter((i) => !triedSet.has(i))];
  const identities = tried.flatMap((i) => candidates[i]);
  await lockChunk(tx, workspaceId, identities);
  const owners = await identityOwners(tx, workspaceId, [...identities, ...rest.flatMap((i) => candidates[i])]);

  // Customers named by more than one write of the chunk (or by any write left to the per-row path).
  const writesOf = new Map<string, number>();
  for (const i of [...tried, ...rest]) {
    const customers = new Set(candidates[i].flatMap((c) => owners.get(identityKey(c)) ?? []));
    for (const id of customers) writesOf.set(id, (writesOf.get(id) ?? 0) + 1);
  }
  const target = new Map<number, string>();
  for (const i of tried) {
    const resolution = chooseResolution(input.rules.policy, candidates[i], owners);
    if (resolution.action !== "update") continue;
    const id = resolution.customerId;
    if (writesOf.get(id) !== 1 || candidates[i].some((c) => owners.get(identityKey(c)) !== id)) continue;
    target.set(i, id);
  }
  if (target.size === 0) return written;

  // Locked in id order, as lockCustomers locks them; the row read under its lock is the one updated.
  const rows = await tx.query<CustomerRow>(
    `SELECT id::text AS id, status::text AS status, "externalId", base, extended, tags, consents, "searchText"
       FROM "Customer" WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [workspaceId, [...target.values()]],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const changedRows: JsonObject[] = [];
  const consentChanges: ConsentChangeRow[] = [];
  for (const [i, id] of target) {
    const row = byId.get(id);
    if (!row || row.status !== "ACTIVE") continue;
    const update = updateOf(row, writes[i], input.rules, input.now.getTime());
    if (!update) continue;
    written.set(i, id);
    if (update.columns) changedRows.push({ id, ...update.columns });
    consentChanges.push(...update.consentChanges);
  }
  if (written.size === 0) return written;

  const at = input.now.toISOString();
  const ids = [...written.values()];
  const changedIds = new Set(changedRows.map((row) => row.id));
  const seen = [...written].flatMap(([i, id]) => candidates[i].map((c) => ({ id, type: c.type, value: c.value })));
  // Every row gets its updatedAt, as Prisma's update gives it; the changed ones their new columns too.
  const unchangedIds = ids.filter((id) => !changedIds.has(id));
  if (unchangedIds.length > 0) {
    await tx.query(
      `UPDATE "Customer" SET "updatedAt" = $3::timestamp(3) WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[])`,
      [workspaceId, unchangedIds, at],
    );
  }
  if (changedRows.length > 0) {
    await tx.query(
      `UPDATE "Customer" c
          SET "externalId" = r."externalId", base = r.base, extended = r.extended, tags = r.tags,
              consents = r.consents, "searchText" = r."searchText", "updatedAt" = $3::timestamp(3)
         FROM jsonb_to_recordset($2::jsonb)
           AS r(id uuid, "externalId" text, base jsonb, extended jsonb, tags text[], consents jsonb, "searchText" text)
        WHERE c."workspaceId" = $1::uuid AND c.id = r.id`,
      [workspaceId, JSON.stringify(changedRows), at],
    );
  }
  await insertConsentChanges(
    tx,
    { workspaceId, actor: input.actor, source: input.consentSource, changedAt: at, evidence: input.consentEvidence },
    consentChanges,
  );
  await tx.query(
    `UPDATE "Identity" i SET "lastSeenAt" = $5::timestamp(3)
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS s("customerId", type, value)
      WHERE i."workspaceId" = $1::uuid AND i."customerId" = s."customerId" AND i.type = s.type AND i.value = s.value`,
    [workspaceId, seen.map((s) => s.id), seen.map((s) => s.type), seen.map((s) => s.value), at],
  );
  // attachAnonymousEvents, for all of them: events of an anonymous id the customer owns become theirs.
  await tx.query(
    `UPDATE "Event" e SET "customerId" = i."customerId"
       FROM "Identity" i
      WHERE i."workspaceId" = $1::uuid AND i."customerId" = ANY($2::uuid[]) AND i.type = 'anonymousId'
        AND e."workspaceId" = $1::uuid AND e."customerId" IS NULL AND e."anonymousId" = i.value`,
    [workspaceId, ids],
  );
  const updated = ids.map((targetId) => ({ targetId, details: AUDIT_DETAILS }));
  await insertAuditEntries(
    tx,
    {
      workspaceId,
      actor: input.actor,
      action: "customer.updated",
      targetType: "customer",
      requestId: input.requestId,
      at,
    },
    updated,
  );
  await queueDomainEvents(tx, workspaceId, "customer.updated", updated, at);
  return written;
}
