// The consent registry is append-only in the database. The server's runtime role holds no UPDATE, DELETE or
// TRUNCATE right on "ConsentRecord" (lib/server/db/runtime-role.ts), and the guard trigger refuses any rewrite
// not made by one of the SECURITY DEFINER functions of migration 20261202204000_dbrole_registry_rewrites.
// These wrappers are the only way the server rewrites the registry; each call leaves its proof in
// "ConsentRegistryRewrite" (reason, entries, the database role that asked, when):
// - merges and unmerges move entries between customers (customerId only, nothing else may change);
// - an erasure deletes the person's entries and records the pseudonymous ERASURE entry in their place;
// - deleting a workspace cascades to its registry.
import type { Tx } from "@/lib/server/db/client";
import type { ActorType } from "@/lib/generated/prisma/client";

/** Moves the entries of `fromCustomerIds` (only `onlyIds` when given) to `toCustomerId`; the moved ids. */
export async function moveConsentRecords(
  tx: Tx,
  input: { workspaceId: string; fromCustomerIds: string[]; toCustomerId: string; onlyIds?: string[] },
): Promise<string[]> {
  const { workspaceId, fromCustomerIds, toCustomerId, onlyIds } = input;
  if (onlyIds?.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM atrium_move_consent_records(${workspaceId}::uuid, ${fromCustomerIds}::uuid[],
      ${toCustomerId}::uuid, ${onlyIds ?? null}::uuid[]) AS id`;
  return rows.map((row) => row.id);
}

export interface ErasureEntry {
  id: string;
  changedAt: Date;
  actor: { type: ActorType; id?: string | null; name?: string | null };
  /** Null when the person had no identity to hash. */
  identitiesHash: string | null;
}

/** Deletes the customers' entries and records `erasure` in their place; the number of entries deleted. */
export async function eraseConsentRecords(
  tx: Tx,
  input: { workspaceId: string; customerIds: string[]; erasure: ErasureEntry },
): Promise<number> {
  const { workspaceId, customerIds, erasure } = input;
  const [row] = await tx.$queryRaw<{ erased: number }[]>`
    SELECT atrium_erase_consent_records(${workspaceId}::uuid, ${customerIds}::uuid[], ${erasure.id}::uuid,
      ${erasure.changedAt}::timestamp(3), ${erasure.actor.type}::"ActorType", ${erasure.actor.id ?? null},
      ${erasure.actor.name ?? null}, ${erasure.identitiesHash}) AS erased`;
  return row.erased;
}

/** Deletes the workspace and everything in it (its registry too); null when there is no such workspace. */
export async function deleteWorkspaceAndRegistry(
  tx: Tx,
  workspaceId: string,
): Promise<{ name: string; slug: string } | null> {
  const rows = await tx.$queryRaw<{ name: string; slug: string }[]>`
    SELECT name, slug FROM atrium_delete_workspace(${workspaceId}::uuid)`;
  return rows[0] ?? null;
}
