// DELETE …/customers/{id}: the right to be forgotten. In one transaction, everything held about the
// person goes: the profile and the profiles merged into it, identities, events (also the anonymous ones
// of their anonymous ids), source links, merges on either side (their snapshots hold profile data) and
// the person's consent registry. What stays is a pseudonymous ERASURE record in the registry and an
// audit entry, neither with personal data.
//
// The id must be an ACTIVE customer: a merged-away id answers 404 (it is no longer a customer; erasing
// the survivor would erase a person the caller did not name, and the merged-away profile is erased with
// its survivor anyway).
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { withConsentRegistryMaintenance } from "@/lib/server/consents/registry-maintenance";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { db, type Tx } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { AppError, notFound } from "@/lib/server/core/errors";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { absorbedCustomerIds } from "./absorbed-customer-ids";
import { hashIdentities } from "./identities-hash";

/** A person with a long history has many events to delete: more time than the 5 s default. */
const ERASURE_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export interface EraseCustomerInput {
  workspaceId: string;
  customerId: string;
  actor: Actor;
  requestId?: string;
}

/**
 * Locks the customer and every profile merged into it, all at once in id order (the order merges and
 * unmerges lock in, so they cannot deadlock with this), then checks nothing changed in between.
 */
async function lockPerson(tx: Tx, workspaceId: string, customerId: string): Promise<string[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const absorbed = await absorbedCustomerIds(tx, workspaceId, customerId);
    const locked = await lockCustomers(tx, workspaceId, [customerId, ...absorbed]);
    if (locked.get(customerId)?.status !== "ACTIVE") throw notFound("Customer");
    const again = await absorbedCustomerIds(tx, workspaceId, customerId);
    if (again.join() === absorbed.join()) return [customerId, ...absorbed];
  }
  throw new AppError("conflict", "The customer is being merged or unmerged; send the request again");
}

export async function eraseCustomer({ workspaceId, customerId, actor, requestId }: EraseCustomerInput): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(customerId)) throw notFound("Customer");
  const { erasureSalt } = await loadInstallationSecrets();
  await db().$transaction(async (tx) => {
    const ids = await lockPerson(tx, workspaceId, customerId);
    const mine = { workspaceId, customerId: { in: ids } };
    const identities = await tx.identity.findMany({ where: mine, select: { type: true, value: true } });
    const anonymousIds = identities
      .filter((identity) => identity.type === "anonymousId")
      .map((identity) => identity.value);

    const events = await tx.event.deleteMany({
      where: {
        workspaceId,
        OR: [{ customerId: { in: ids } }, { customerId: null, anonymousId: { in: anonymousIds } }],
      },
    });
    await tx.identity.deleteMany({ where: mine });
    await tx.customerSource.deleteMany({ where: mine });
    const merges = await tx.merge.deleteMany({
      where: { workspaceId, OR: [{ survivorId: { in: ids } }, { absorbedId: { in: ids } }] },
    });
    const records = await withConsentRegistryMaintenance(tx, "erasure", () =>
      tx.consentRecord.deleteMany({ where: mine }),
    );
    await tx.customer.deleteMany({ where: { workspaceId, id: { in: ids } } });

    const now = new Date();
    await tx.consentRecord.create({
      data: {
        workspaceId,
        kind: "ERASURE",
        customerId: null,
        key: "*",
        changedAt: now,
        actorType: actor.type,
        actorId: actor.id ?? null,
        actorName: actor.name ?? null,
        source: "Erasure request",
        identitiesHash: hashIdentities(erasureSalt, identities),
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.erased",
      targetType: "customer",
      targetId: customerId,
      // Counts only: the audit log outlives the person.
      details: {
        absorbedCustomers: ids.length - 1,
        identities: identities.length,
        events: events.count,
        merges: merges.count,
        consentRecords: records.count,
      },
      requestId,
    });
  }, ERASURE_TRANSACTION);
}
