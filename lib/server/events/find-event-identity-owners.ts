// One query for the owners of every externalId and anonymousId a batch names.
import type { Tx } from "@/lib/server/db/client";

export type OwnerKey = `externalId\u0000${string}` | `anonymousId\u0000${string}`;
export const ownerKey = (type: "externalId" | "anonymousId", value: string): OwnerKey => `${type}\u0000${value}`;

/** ownerKey → customer id. Identities always belong to an ACTIVE customer (a merge moves them). */
export async function findEventIdentityOwners(
  tx: Tx,
  workspaceId: string,
  externalIds: readonly string[],
  anonymousIds: readonly string[],
): Promise<Map<OwnerKey, string>> {
  const owners = new Map<OwnerKey, string>();
  if (externalIds.length === 0 && anonymousIds.length === 0) return owners;
  const rows = await tx.$queryRaw<{ type: "externalId" | "anonymousId"; value: string; customerId: string }[]>`
    SELECT type, value, "customerId"::text AS "customerId" FROM "Identity"
     WHERE "workspaceId" = ${workspaceId}::uuid
       AND ((type = 'externalId' AND value = ANY(${externalIds}::text[]))
         OR (type = 'anonymousId' AND value = ANY(${anonymousIds}::text[])))`;
  for (const row of rows) owners.set(ownerKey(row.type, row.value), row.customerId);
  return owners;
}
