// An event naming an unknown externalId creates an empty customer with it (API.md). For a whole batch at
// once: a few multi-row statements, under the same advisory locks customer writes take on identities, so
// concurrent batches (and POST /customers) naming the same externalId end up with one customer.
import type { Actor } from "@/lib/server/audit/record-audit";
import { buildSearchText } from "@/lib/server/customers/search-text";
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
  const values = missing.map((e) => e.value);
  const sourceIds = missing.map((e) => e.sourceId);
  await tx.query(
    `INSERT INTO "Customer" ("workspaceId", id, "externalId", "searchText", "createdAt", "updatedAt")
     SELECT $1::uuid, c.id, c.value, c.search, $2::timestamp(3), $2::timestamp(3)
       FROM unnest($3::uuid[], $4::text[], $5::text[]) AS c(id, value, search)`,
    [workspaceId, now, ids, values, values.map((externalId) => buildSearchText({ externalId }))],
  );
  // Everyone creating an externalId identity holds its advisory lock, so nothing should conflict here; the
  // clause only keeps a stray writer from turning this batch into a 500.
  const inserted = await tx.query<{ value: string }>(
    `INSERT INTO "Identity" ("workspaceId", id, "customerId", type, value, "sourceId", "firstSeenAt", "lastSeenAt")
     SELECT $1::uuid, i.id, i."customerId", 'externalId', i.value, i."sourceId", $2::timestamp(3), $2::timestamp(3)
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::uuid[]) AS i(id, "customerId", value, "sourceId")
         ON CONFLICT ("workspaceId", type, value) DO NOTHING
     RETURNING value`,
    [workspaceId, now, ids.map(() => uuidV7()), ids, values, sourceIds],
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
  if (links.length > 0) {
    await tx.query(
      `INSERT INTO "CustomerSource" ("workspaceId", "customerId", "sourceId", "firstSeenAt")
       SELECT $1::uuid, l.id, l."sourceId", $2::timestamp(3)
         FROM unnest($3::uuid[], $4::uuid[]) AS l(id, "sourceId")
           ON CONFLICT DO NOTHING`,
      [workspaceId, now, links.map((l) => l.id), links.map((l) => l.sourceId)],
    );
  }
  if (createdIds.length === 0) return;
  // One audit entry per customer, as POST /customers records, in the same transaction as the rows.
  await tx.query(
    `INSERT INTO "AuditEntry" (id, "workspaceId", at, "actorType", "actorId", "actorName", action, "targetType", "targetId", details, "requestId")
     SELECT a.id, $1::uuid, $2::timestamp(3), $3::"ActorType", $4, $5, 'customer.created', 'customer', a."targetId", '{"via":"events"}'::jsonb, $6
       FROM unnest($7::uuid[], $8::text[]) AS a(id, "targetId")`,
    [
      workspaceId,
      now,
      actor.type,
      actor.id ?? null,
      actor.name ?? null,
      input.requestId ?? null,
      createdIds.map(() => uuidV7()),
      createdIds,
    ],
  );
}
