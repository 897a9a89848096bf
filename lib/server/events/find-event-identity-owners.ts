// One query for the owners of every externalId and anonymousId a batch names.
import type { SqlTx } from "./ingest-transaction";

export type OwnerKey = `externalId\u0000${string}` | `anonymousId\u0000${string}`;
export const ownerKey = (type: "externalId" | "anonymousId", value: string): OwnerKey => `${type}\u0000${value}`;

/** ownerKey → customer id. Identities always belong to an ACTIVE customer (a merge moves them). */
export async function findEventIdentityOwners(
  tx: SqlTx,
  workspaceId: string,
  externalIds: readonly string[],
  anonymousIds: readonly string[],
): Promise<Map<OwnerKey, string>> {
  const owners = new Map<OwnerKey, string>();
  if (externalIds.length === 0 && anonymousIds.length === 0) return owners;
  const rows = await tx.query<{ type: "externalId" | "anonymousId"; value: string; customerId: string }>(
    `SELECT type, value, "customerId"::text AS "customerId" FROM "Identity"
      WHERE "workspaceId" = $1::uuid
        AND ((type = 'externalId' AND value = ANY($2::text[]))
          OR (type = 'anonymousId' AND value = ANY($3::text[])))`,
    [workspaceId, externalIds, anonymousIds],
  );
  for (const row of rows) owners.set(ownerKey(row.type, row.value), row.customerId);
  return owners;
}
