// DELETE …/customers/{id}: the right to be forgotten. In one transaction, everything held about the
// person goes: the profile and the profiles merged into it, identities, events (also the anonymous ones
// of their anonymous ids, person-anonymous-ids.ts), source links, merges on either side (their snapshots
// hold profile data), the person's consent registry, composition counters left at zero (a zero row of
// her unique tag still names it), and her values inside rows that are not hers (audit details such as a
// CSV export's filter, saved views' filters: scrub-values.ts). What stays is a pseudonymous ERASURE
// record in the registry, keyed hashes of her identities and e-mail addresses (suppressions, so she is
// not re-created nor mailed again) and an audit entry, none with personal data.
//
// A merged-away id stands for its survivor, as in GET and export: the person it names now is the
// survivor, so that person is erased (with every profile merged into it).
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { eraseConsentRecords } from "@/lib/server/consents/registry-rewrites";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db, type Tx } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { AppError, notFound } from "@/lib/server/core/errors";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { absorbedCustomerIds } from "./absorbed-customer-ids";
import { suppressIdentities } from "@/lib/server/suppression/drop-suppressed";
import { signingKey } from "@/lib/server/send/signing";
import { suppressErasedAddresses } from "@/lib/server/send/suppression";
import { hashIdentities } from "./identities-hash";
import { personAnonymousIds } from "./person-anonymous-ids";
import { keepOnlyHers, personValues } from "./person-values";
import { scrubPersonValues, usableNeedles } from "./scrub-values";

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
async function lockPerson(tx: Tx, workspaceId: string, requestedId: string): Promise<string[]> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const customerId = await resolveCustomerId(workspaceId, requestedId, tx);
    const absorbed = await absorbedCustomerIds(tx, workspaceId, customerId);
    const locked = await lockCustomers(tx, workspaceId, [customerId, ...absorbed]);
    // Merged away between resolving and locking: resolve again.
    if (locked.get(customerId)?.status !== "ACTIVE") continue;
    const again = await absorbedCustomerIds(tx, workspaceId, customerId);
    if (again.join() === absorbed.join()) return [customerId, ...absorbed];
  }
  throw new AppError("conflict", "The customer is being merged or unmerged; send the request again");
}

export async function eraseCustomer({ workspaceId, customerId, actor, requestId }: EraseCustomerInput): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(customerId)) throw notFound("Customer");
  const { erasureSalt } = await loadInstallationSecrets();
  const sendKey = await signingKey();
  await db().$transaction(async (tx) => {
    const ids = await lockPerson(tx, workspaceId, customerId);
    const survivorId = ids[0];
    const mine = { workspaceId, customerId: { in: ids } };
    // Send never mails her addresses again, even on a profile re-imported later (before they are deleted).
    const suppressedAddresses = await suppressErasedAddresses(tx, { workspaceId, customerIds: ids, key: sendKey });
    const identities = await tx.identity.findMany({ where: mine, select: { type: true, value: true } });
    const anonymousIds = await personAnonymousIds(tx, workspaceId, ids);
    const values = await personValues(tx, workspaceId, ids);
    const erasedIdentities = [...identities, ...anonymousIds.map((value) => ({ type: "anonymousId", value }))];

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
    // Her registry entries go and the pseudonymous ERASURE entry takes their place, in the owner's function
    // that records its proof (the server's role may not delete registry entries itself).
    const erasedRecords = await eraseConsentRecords(tx, {
      workspaceId,
      customerIds: ids,
      erasure: {
        id: uuidV7(),
        changedAt: new Date(),
        actor,
        identitiesHash: hashIdentities(erasureSalt, erasedIdentities),
      },
    });
    await tx.customer.deleteMany({ where: { workspaceId, id: { in: ids } } });
    // The summary triggers decremented her facets; a value only she had now sums to zero over its slots
    // (+1 in one slot, -1 in another) and still names it. Those groups go. (A concurrent first customer
    // with the very same value could lose its +1 to this delete; a report rebuild repairs it.)
    await tx.$executeRaw`
      DELETE FROM "CustomerFacetStat" s
       USING (SELECT facet, value FROM "CustomerFacetStat" WHERE "workspaceId" = ${workspaceId}::uuid
               GROUP BY facet, value HAVING sum(customers) = 0) z
       WHERE s."workspaceId" = ${workspaceId}::uuid AND s.facet = z.facet AND s.value = z.value`;
    const needles = usableNeedles([...(await keepOnlyHers(tx, workspaceId, values)), ...anonymousIds]);
    const scrubbed = await scrubPersonValues(tx, workspaceId, needles);

    // Her identities must not bring her back: the next event or write naming one is dropped.
    const suppressed = await suppressIdentities(tx, workspaceId, erasureSalt, erasedIdentities);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.erased",
      targetType: "customer",
      targetId: survivorId,
      // Counts only: the audit log outlives the person.
      details: {
        absorbedCustomers: ids.length - 1,
        identities: identities.length,
        events: events.count,
        merges: merges.count,
        consentRecords: erasedRecords,
        scrubbedAuditEntries: scrubbed.auditEntries,
        scrubbedViews: scrubbed.views,
        suppressedIdentities: suppressed,
        suppressedAddresses,
        ...(survivorId === customerId ? {} : { requestedId: customerId }),
      },
      requestId,
    });
  }, ERASURE_TRANSACTION);
}
