// The set-based form of resolution's "update" outcome for the commonest update of all: a write that
// matches one customer and brings nothing new (the second run of an import, a shop resending its
// customers). Per row, such a write costs a dozen statements for nothing; here a chunk's worth is checked
// in a few. Under the same locks as resolution (the workspace's share lock, the identities' advisory locks,
// then the customers' rows), a write qualifies only if resolution would update that one customer and would
// change nothing in it: every identity of the write is already the customer's, the merged properties and
// the consent state come out equal, and no other write of the chunk touches the customer (their order
// would matter). What the per-row path still writes for it is written here too: the row's updatedAt (and
// with it the view change tracking), the identities' lastSeenAt, anonymous events adopted, the
// customer.updated audit entry and its webhook domain event. Anything else goes per row.
import { isDeepStrictEqual } from "node:util";
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import type { Actor } from "@/lib/server/audit/record-audit";
import { insertAuditEntries } from "@/lib/server/audit/insert-audit-entries";
import { queueDomainEvents } from "@/lib/server/audit/queue-domain-event";
import { applyConsentPatch, diffConsentStates, normalizeState } from "@/lib/server/consents/consent-leaves";
import { asObject } from "@/lib/server/core/json";
import { propertiesOf } from "@/lib/server/customers/customer-properties";
import { applyIncoming, incomingProperties } from "@/lib/server/customers/resolve-customer-write";
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { chooseResolution } from "@/lib/server/identity/choose-resolution";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import type { IdentityCandidate } from "@/lib/server/identity/identity-candidates";
import { buildSearchText } from "@/lib/server/records/search-text";
import { identityOwners, lockChunk } from "./chunk-locks";

export interface ConfirmUnchangedInput {
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

/** Whether resolution's update of `row` by `write` would leave the row and its consents as they are. */
function changesNothing(row: CustomerRow, write: CustomerWrite): boolean {
  const existing = propertiesOf(row);
  const incoming = incomingProperties(write);
  const updated = applyIncoming(existing, incoming);
  if (updated.externalId !== existing.externalId || !isDeepStrictEqual(updated.tags, existing.tags)) return false;
  if (!isDeepStrictEqual(updated.base, existing.base) || !isDeepStrictEqual(updated.extended, existing.extended)) {
    return false;
  }
  // The per-row update rewrites searchText from the profile: a stale one is a change.
  if (buildSearchText(updated) !== row.searchText) return false;
  if (Object.keys(incoming.consents).length === 0) return true;
  const previous = asObject(row.consents);
  return diffConsentStates(previous, normalizeState(applyConsentPatch(previous, incoming.consents))).length === 0;
}

/** Per index tried: the customer the write was confirmed on, or absent when it must go per row. */
export async function confirmUnchangedCustomers(tx: SqlTx, input: ConfirmUnchangedInput): Promise<Map<number, string>> {
  const { workspaceId, writes, candidates, indexes, others } = input;
  const confirmed = new Map<number, string>();
  // A write naming a source also links it and checks it exists: left to the per-row path, as one of the others.
  const tried = indexes.filter((i) => !writes[i].sourceId && candidates[i].length > 0);
  if (tried.length === 0) return confirmed;
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
  if (target.size === 0) return confirmed;

  // Locked in id order, as lockCustomers locks them; the row read under its lock is the one compared.
  const rows = await tx.query<CustomerRow>(
    `SELECT id::text AS id, status::text AS status, "externalId", base, extended, tags, consents, "searchText"
       FROM "Customer" WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [workspaceId, [...target.values()]],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [i, id] of target) {
    const row = byId.get(id);
    if (row && row.status === "ACTIVE" && changesNothing(row, writes[i])) confirmed.set(i, id);
  }
  if (confirmed.size === 0) return confirmed;

  const at = input.now.toISOString();
  const ids = [...confirmed.values()];
  const seen = [...confirmed].flatMap(([i, id]) => candidates[i].map((c) => ({ id, type: c.type, value: c.value })));
  await tx.query(
    `UPDATE "Customer" SET "updatedAt" = $3::timestamp(3) WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[])`,
    [workspaceId, ids, at],
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
  return confirmed;
}
