// An event naming an unknown externalId creates an empty customer with it (docs/api.md). For a whole batch at
// once: a few multi-row statements, under the same advisory locks customer writes take on identities, so
// concurrent batches (and POST /customers) naming the same externalId end up with one customer.
import type { Actor } from "@/lib/server/audit/record-audit";
import { insertRows } from "@/lib/server/records/insert-rows";
import { auditRow, customerColumns, EMPTY_PROPERTIES } from "@/lib/server/records/rows";
import { profileFieldOf } from "@/lib/server/identity/identity-candidates";
import { orderedIdentityLockKeys } from "@/lib/server/identity/lock-identities";
import { uuidV7 } from "./event-ids";
import { findEventIdentityOwners, ownerKey } from "./find-event-identity-owners";
import type { SqlTx } from "./ingest-transaction";

export interface NewExternalId {
  value: string;
  /** Source of the first event naming it: the new customer is linked to it. */
  sourceId: string | null;
}

export interface CreateExternalIdCustomersInput {
  workspaceId: string;
  externalIds: NewExternalId[];
  actor: Actor;
  requestId?: string;
  /** ISO 8601 in UTC, used for createdAt and updatedAt. */
  now: string;
}

/** The identity locks of customer writes (lockIdentities), taken on the ingestion transaction's connection. */
async function lockExternalIds(tx: SqlTx, workspaceId: string, values: string[]): Promise<void> {
  const keys = orderedIdentityLockKeys(
    workspaceId,
    values.map((value) => ({ type: "externalId", value })),
  );
  // unnest yields the array in order, so one round trip still locks in that order.
  await tx.query(`SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, [keys]);
}

/** externalId → owning customer id, for every value given: created here, or found once the locks were held. */
export async function createExternalIdCustomers(
  tx: SqlTx,
  input: CreateExternalIdCustomersInput,
): Promise<Map<string, string>> {
  const { workspaceId, now } = input;
  const owners = new Map<string, string>();
  if (input.externalIds.length === 0) return owners;
  await lockExternalIds(
    tx,
    workspaceId,
    input.externalIds.map(({ value }) => value),
  );
  // Another transaction may have created some of them between the caller's read and these locks.
  const found = await findEventIdentityOwners(
    tx,
    workspaceId,
    input.externalIds.map((e) => e.value),
    [],
  );
  const missing: NewExternalId[] = [];
  for (const entry of input.externalIds) {
    const owner = found.get(ownerKey("externalId", entry.value));
    if (owner) owners.set(entry.value, owner);
    else missing.push(entry);
  }
  if (missing.length === 0) return owners;

  const ids = missing.map(() => uuidV7());
  const sourceIds = missing.map((e) => e.sourceId);
  await insertRows(
    tx,
    "Customer",
    missing.map((entry, i) => ({
      workspaceId,
      id: ids[i],
      ...customerColumns({ ...EMPTY_PROPERTIES, externalId: entry.value }),
      createdAt: now,
      updatedAt: now,
    })),
  );
  // Everyone creating an externalId identity holds its advisory lock, so nothing should conflict here; the
  // clause only keeps a stray writer from turning this batch into a 500.
  const inserted = await insertRows<"Identity", { value: string }>(
    tx,
    "Identity",
    missing.map((entry, i) => ({
      workspaceId,
      id: uuidV7(),
      customerId: ids[i],
      type: "externalId",
      value: entry.value,
      sourceId: entry.sourceId,
      firstSeenAt: now,
      lastSeenAt: now,
      // The new customer's profile is this external id: the identity follows it.
      derivedFrom: profileFieldOf("externalId"),
    })),
    `ON CONFLICT ("workspaceId", type, value) DO NOTHING RETURNING value`,
  );
  const created = new Set(inserted.map((row) => row.value));
  const createdIds: string[] = [];
  const orphans: string[] = [];
  missing.forEach((entry, i) => {
    if (created.has(entry.value)) {
      owners.set(entry.value, ids[i]);
      createdIds.push(ids[i]);
    } else orphans.push(ids[i]);
  });
  if (orphans.length > 0)
    await adoptStrayOwners(
      tx,
      workspaceId,
      orphans,
      missing.filter((e) => !created.has(e.value)),
      owners,
    );
  await linkSourcesAndAudit(tx, input, ids, sourceIds, createdIds);
  return owners;
}

async function adoptStrayOwners(
  tx: SqlTx,
  workspaceId: string,
  orphanIds: string[],
  entries: NewExternalId[],
  owners: Map<string, string>,
) {
  await tx.query(`DELETE FROM "Customer" WHERE "workspaceId" = $1::uuid AND id = ANY($2::uuid[])`, [
    workspaceId,
    orphanIds,
  ]);
  const found = await findEventIdentityOwners(
    tx,
    workspaceId,
    entries.map((e) => e.value),
    [],
  );
  for (const { value } of entries) {
    const owner = found.get(ownerKey("externalId", value));
    if (owner) owners.set(value, owner);
  }
}

async function linkSourcesAndAudit(
  tx: SqlTx,
  input: CreateExternalIdCustomersInput,
  ids: string[],
  sourceIds: (string | null)[],
  createdIds: string[],
) {
  const { workspaceId, actor, now } = input;
  const createdSet = new Set(createdIds);
  const links = ids.flatMap((id, i) => (createdSet.has(id) && sourceIds[i] ? [{ id, sourceId: sourceIds[i] }] : []));
  await insertRows(
    tx,
    "CustomerSource",
    links.map((link) => ({ workspaceId, customerId: link.id, sourceId: link.sourceId, firstSeenAt: now })),
    "ON CONFLICT DO NOTHING",
  );
  // One audit entry per customer, as POST /customers records, in the same transaction as the rows.
  const entry = { workspaceId, actor, action: "customer.created", targetType: "customer", requestId: input.requestId };
  await insertRows(
    tx,
    "AuditEntry",
    createdIds.map((targetId) => ({
      id: uuidV7(),
      at: now,
      ...auditRow({ ...entry, targetId, details: { via: "events" } }),
    })),
  );
}
