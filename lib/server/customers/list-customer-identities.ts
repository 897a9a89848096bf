// GET …/customers/{id}/identities: all of them (a person has a handful), oldest first.
import type { CustomerIdentity } from "@/lib/schemas/customers";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { serializeIdentity } from "./serialize-customer";
import { db } from "@/lib/server/db/client";

export async function listCustomerIdentities({
  workspaceId,
  customerId,
}: {
  workspaceId: string;
  customerId: string;
}): Promise<{ data: CustomerIdentity[]; nextCursor: null }> {
  const id = await resolveCustomerId(workspaceId, customerId);
  const rows = await db().identity.findMany({
    where: { workspaceId, customerId: id },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
  });
  return { data: rows.map(serializeIdentity), nextCursor: null };
}
