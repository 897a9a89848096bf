// Reading one customer with what its public shape needs (identities, source links).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";

export const CUSTOMER_INCLUDE = {
  identities: { orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }] },
  sources: { select: { sourceId: true }, orderBy: { firstSeenAt: "asc" } },
} as const satisfies Prisma.CustomerInclude;

export type CustomerWithRelations = Prisma.CustomerGetPayload<{ include: typeof CUSTOMER_INCLUDE }>;

/** The customer row with its relations; 404 when it is not in the workspace. */
export async function loadCustomer(
  client: Db | Tx,
  workspaceId: string,
  customerId: string,
): Promise<CustomerWithRelations> {
  if (!isUuid(workspaceId) || !isUuid(customerId)) throw notFound("Customer");
  const row = await client.customer.findUnique({
    where: { workspaceId_id: { workspaceId, id: customerId } },
    include: CUSTOMER_INCLUDE,
  });
  if (!row) throw notFound("Customer");
  return row;
}

/**
 * The customer an id stands for now: itself while ACTIVE, else the end of its mergedIntoId chain.
 * 404 when the id is not a customer of the workspace.
 */
export async function resolveCustomerId(
  workspaceId: string,
  customerId: string,
  client: Db | Tx = db(),
): Promise<string> {
  if (!isUuid(workspaceId) || !isUuid(customerId)) throw notFound("Customer");
  // The depth bound only guards against a corrupted cycle; real chains are a few hops long.
  const rows = await client.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, status, "mergedIntoId", 0 AS depth FROM "Customer"
       WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${customerId}::uuid
      UNION ALL
      SELECT c.id, c.status, c."mergedIntoId", chain.depth + 1 FROM "Customer" c
        JOIN chain ON c.id = chain."mergedIntoId" AND c."workspaceId" = ${workspaceId}::uuid
       WHERE chain.status = 'MERGED' AND chain.depth < 100
    )
    SELECT id::text AS id FROM chain WHERE status = 'ACTIVE' LIMIT 1`;
  if (rows.length === 0) throw notFound("Customer");
  return rows[0].id;
}
