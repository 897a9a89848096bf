// GET …/customers/{id}/consents: the current state; a merged-away id answers for its survivor.
import type { ConsentState } from "@/lib/schemas/consents";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/core/errors";

export async function getConsents({
  workspaceId,
  customerId,
}: {
  workspaceId: string;
  customerId: string;
}): Promise<ConsentState> {
  const id = await resolveCustomerId(workspaceId, customerId);
  const row = await db().customer.findUnique({
    where: { workspaceId_id: { workspaceId, id } },
    select: { consents: true },
  });
  if (!row) throw notFound("Customer");
  // Only recordConsentChange writes this column, after validation against ZConsentState.
  return (row.consents ?? {}) as ConsentState;
}
