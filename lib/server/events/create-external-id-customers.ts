// An event naming an unknown externalId creates an empty customer with it (API.md). For a whole batch at
// once: a few multi-row statements, under the same advisory locks customer writes take on identities, so
// concurrent batches (and POST /customers) naming the same externalId end up with one customer.
import type { Actor } from "@/lib/server/audit/record-audit";
import { buildSearchText } from "@/lib/server/customers/search-text";
import type { Tx } from "@/lib/server/db/client";
import { lockIdentities } from "@/lib/server/identity/lock-identities";
import { uuidV7 } from "./event-ids";
import { findEventIdentityOwners, ownerKey } from "./find-event-identity-owners";

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

/** externalId → owning customer id, for every value given: created here, or found once the locks were held. */
export async function createExternalIdCustomers(tx: Tx, input: CreateExternalIdCustomersInput): Promise<Map<string, string>> {
  const { workspaceId, now } = input;
  const owners = new Map<string, string>();
  if (input.externalIds.length === 0) return owners;
  await lockIdentities(tx, workspaceId, input.externalIds.map(({ value }) => ({ type: "externalId", value })));
  // Another transaction may have created some of them between the caller's read and these locks.
  const found = await findEventIdentityOwners(tx, workspaceId, input.externalIds.map((e) => e.value), []);
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
  await tx.$executeRaw`
    INSERT INTO "Customer" ("workspaceId", id, "externalId", "searchText", "createdAt", "updatedAt")
    SELECT ${workspaceId}::uuid, c.id, c.value, c.search, ${now}::timestamp(3), ${now}::timestamp(3)
      FROM unnest(${ids}::uuid[], ${values}::text[], ${values.map((externalId) => buildSearchText({ externalId }))}::text[]) AS c(id, value, search)`;
  // Everyone creating an externalId identity holds its advisory lock, so nothing should conflict here; the
  // clause only keeps a stray writer from turning this batch into a 500.
  const inserted = await tx.$queryRaw<{ value: string }[]>`
    INSERT INTO "Identity" ("workspaceId", id, "customerId", type, value, "sourceId", "firstSeenAt", "lastSeenAt")
    SELECT ${workspaceId}::uuid, i.id, i."customerId", 'externalId', i.value, i."sourceId", ${now}::timestamp(3), ${now}::timestamp(3)
      FROM unnest(${ids.map(() => uuidV7())}::uuid[], ${ids}::uuid[], ${values}::text[], ${sourceIds}::uuid[]) AS i(id, "customerId", value, "sourceId")
        ON CONFLICT ("workspaceId", type, value) DO NOTHING
    RETURNING value`;
  const created = new Set(inserted.map((row) => row.value));
  const createdIds: string[] = [];
  const orphans: string[] = [];
  missing.forEach((entry, i) => {
    if (created.has(entry.value)) {
      owners.set(entry.value, ids[i]);
      createdIds.push(ids[i]);
    } else orphans.push(ids[i]);
  });
  if (orphans.length > 0) await adoptStrayOwners(tx, workspaceId, orphans, missing.filter((e) => !created.has(e.value)), owners);
  await linkSourcesAndAudit(tx, input, ids, sourceIds, createdIds);
  return owners;
}

async function adoptStrayOwners(tx: Tx, workspaceId: string, orphanIds: string[], entries: NewExternalId[], owners: Map<string, string>) {
  await tx.$executeRaw`DELETE FROM "Customer" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ANY(${orphanIds}::uuid[])`;
  const found = await findEventIdentityOwners(tx, workspaceId, entries.map((e) => e.value), []);
  for (const { value } of entries) {
    const owner = found.get(ownerKey("externalId", value));
    if (owner) owners.set(value, owner);
  }
}

async function linkSourcesAndAudit(tx: Tx, input: CreateExternalIdCustomersInput, ids: string[], sourceIds: (string | null)[], createdIds: string[]) {
  const { workspaceId, actor, now } = input;
  const createdSet = new Set(createdIds);
  const links = ids.flatMap((id, i) => (createdSet.has(id) && sourceIds[i] ? [{ id, sourceId: sourceIds[i] }] : []));
  if (links.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "CustomerSource" ("workspaceId", "customerId", "sourceId", "firstSeenAt")
      SELECT ${workspaceId}::uuid, l.id, l."sourceId", ${now}::timestamp(3)
        FROM unnest(${links.map((l) => l.id)}::uuid[], ${links.map((l) => l.sourceId)}::uuid[]) AS l(id, "sourceId")
          ON CONFLICT DO NOTHING`;
  }
  if (createdIds.length === 0) return;
  // One audit entry per customer, as POST /customers records, in the same transaction as the rows.
  await tx.$executeRaw`
    INSERT INTO "AuditEntry" (id, "workspaceId", at, "actorType", "actorId", "actorName", action, "targetType", "targetId", details, "requestId")
    SELECT a.id, ${workspaceId}::uuid, ${now}::timestamp(3), ${actor.type}::"ActorType", ${actor.id ?? null}, ${actor.name ?? null},
           'customer.created', 'customer', a."targetId", '{"via":"events"}'::jsonb, ${input.requestId ?? null}
      FROM unnest(${createdIds.map(() => uuidV7())}::uuid[], ${createdIds}::text[]) AS a(id, "targetId")`;
}
