// The anonymous ids that are the person's: those recorded as her identities, and those only ever seen on
// her own events (an event that names both an externalId and an anonymousId attaches to the customer but
// does not record the anonymous id as an identity). Anonymous events of those ids, not yet attached to
// anyone, are hers too: export shows them and erasure deletes them. An anonymous id that is another
// customer's identity is that customer's (a shared device), so it is left out.
import type { Db, Tx } from "@/lib/server/db/client";

export async function personAnonymousIds(
  client: Db | Tx,
  workspaceId: string,
  customerIds: string[],
): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await client.$queryRaw<{ value: string }[]>`
    SELECT DISTINCT value FROM (
      SELECT value FROM "Identity"
       WHERE "workspaceId" = ${workspaceId}::uuid AND type = 'anonymousId' AND "customerId" = ANY(${customerIds}::uuid[])
      UNION
      SELECT "anonymousId" AS value FROM "Event"
       WHERE "workspaceId" = ${workspaceId}::uuid AND "customerId" = ANY(${customerIds}::uuid[]) AND "anonymousId" IS NOT NULL
    ) ids
    WHERE NOT EXISTS (
      SELECT 1 FROM "Identity" other
       WHERE other."workspaceId" = ${workspaceId}::uuid AND other.type = 'anonymousId' AND other.value = ids.value
         AND NOT (other."customerId" = ANY(${customerIds}::uuid[]))
    )
    ORDER BY value`;
  return rows.map((row) => row.value);
}
