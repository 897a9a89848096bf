// DELETE …/customers/{id}/identities/{identityId}: the identity stops linking this customer (and may
// later link whoever sends it next).
import type { Actor } from "@/lib/server/audit/record-audit";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";

export interface RemoveCustomerIdentityInput {
  workspaceId: string;
  customerId: string;
  identityId: string;
  actor: Actor;
  requestId?: string;
}

export async function removeCustomerIdentity({
  workspaceId,
  customerId,
  identityId,
  actor,
  requestId,
}: RemoveCustomerIdentityInput): Promise<void> {
  const id = await resolveCustomerId(workspaceId, customerId);
  if (!isUuid(identityId)) throw notFound("Identity");
  await db().$transaction(async (tx) => {
    const where = { workspaceId, id: identityId, customerId: id };
    const removed = await tx.identity.findFirst({ where, select: { type: true } });
    const { count } = await tx.identity.deleteMany({ where });
    if (!removed || count === 0) throw notFound("Identity");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.identityRemoved",
      targetType: "customer",
      targetId: id,
      details: { identityId, type: removed.type },
      requestId,
    });
  });
}
