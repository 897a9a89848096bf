// What the set-based writers of a chunk do first, under the locks every identity writer takes: the
// workspace's share lock (lockWorkspace "share"), then the identities' advisory locks in key order (the
// order lockIdentities and ingestion use), then who owns those identities, each in one round trip.
import { notFound } from "@/lib/server/core/errors";
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import { orderedIdentityLockKeys } from "@/lib/server/identity/lock-identities";

type Identity = { type: string; value: string };

export async function lockChunk(tx: SqlTx, workspaceId: string, identities: readonly Identity[]): Promise<void> {
  const found = await tx.query(`SELECT id FROM "Workspace" WHERE id = $1::uuid FOR KEY SHARE`, [workspaceId]);
  if (found.length === 0) throw notFound("Workspace");
  const keys = orderedIdentityLockKeys(workspaceId, [...identities]);
  // unnest yields the array in order, so one statement still locks in the order every locker uses.
  await tx.query(`SELECT count(pg_advisory_xact_lock(k)) FROM unnest($1::bigint[]) AS k`, [keys]);
}

/**
 * identityKey → owning customer id, for the identities someone in the workspace owns. One unique-index
 * probe per identity (LATERAL … LIMIT 1 cannot be flattened into a join): while an import grows the table
 * faster than autovacuum's statistics follow, a plain join was planned as a hash of every identity of the
 * workspace, which made each chunk slower than the last (63 ms instead of 7.5 ms per 500 rows at 100,000).
 */
export async function identityOwners(
  tx: SqlTx,
  workspaceId: string,
  identities: readonly Identity[],
): Promise<Map<string, string>> {
  if (identities.length === 0) return new Map();
  const rows = await tx.query<{ type: string; value: string; customerId: string }>(
    `SELECT o.type, o.value, o."customerId"::text AS "customerId" FROM unnest($2::text[], $3::text[]) AS c(type, value)
       CROSS JOIN LATERAL (SELECT i.type, i.value, i."customerId" FROM "Identity" i
                            WHERE i."workspaceId" = $1::uuid AND i.type = c.type AND i.value = c.value LIMIT 1) o`,
    [workspaceId, identities.map((i) => i.type), identities.map((i) => i.value)],
  );
  return new Map(rows.map((row) => [identityKey(row), row.customerId]));
}
