// Undoing a merge: the absorbed customer comes back with exactly the identities, events, consent records
// and source links it brought, and the survivor gets back what the merge changed and nobody touched since;
// then the identities derived from both profiles follow what the profiles hold again.
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { moveConsentRecords } from "@/lib/server/consents/registry-rewrites";
import { propertiesOf, updateCustomerRow, type CustomerProperties } from "./customer-properties";
import { loadCustomer, resolveCustomerId } from "@/lib/server/records/load-customer";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { restoreObject, restoreScalar, restoreTags, restoreTopLevel } from "./restore-properties";
import { serializeCustomer } from "./serialize-customer";
import type { Customer } from "@/lib/schemas/customers";
import { db, type Tx } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { AppError, notFound } from "@/lib/server/core/errors";
import { ZMergeSnapshot, type MergeSnapshot } from "./merge-snapshot";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { findIdentityOwners, identityKey } from "@/lib/server/identity/find-identity-owners";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { identityCandidates, replacedIdentities } from "@/lib/server/identity/identity-candidates";
import { lockIdentities } from "@/lib/server/identity/lock-identities";
import { attachIdentities, detachReplacedIdentities } from "./attach-customer-data";

export interface UnmergeCustomerInput {
  workspaceId: string;
  /** The survivor or the absorbed customer of the merge (or an id that now resolves to the survivor). */
  customerId: string;
  mergeId: string;
  actor: Actor;
  requestId?: string;
}

/** 3-way per property: back to the pre-merge value where the survivor still holds the merged one. */
export function restoreSurvivor(snapshot: MergeSnapshot, current: CustomerProperties): CustomerProperties {
  const { survivorBefore: before, survivorAfter: after } = snapshot;
  return {
    externalId: restoreScalar(before.externalId, after.externalId, current.externalId),
    base: restoreObject(before.base, after.base, current.base),
    extended: restoreTopLevel(before.extended, after.extended, current.extended),
    tags: restoreTags(before.tags, after.tags, current.tags),
    consents: restoreObject(before.consents, after.consents, current.consents),
  };
}

/** Moves back the snapshot's rows that are still on the survivor (rows deleted since stay deleted). */
async function moveRowsBack(
  tx: Tx,
  workspaceId: string,
  survivorId: string,
  absorbedId: string,
  snapshot: MergeSnapshot,
) {
  const on = { workspaceId, customerId: survivorId };
  const to = { customerId: absorbedId };
  await tx.identity.updateMany({ where: { ...on, id: { in: snapshot.identityIds } }, data: to });
  await tx.event.updateMany({ where: { ...on, id: { in: snapshot.eventIds } }, data: to });
  await moveConsentRecords(tx, {
    workspaceId,
    fromCustomerIds: [survivorId],
    toCustomerId: absorbedId,
    onlyIds: snapshot.consentRecordIds,
  });
  const linked = await tx.customerSource.findMany({
    where: { ...on, sourceId: { in: snapshot.sourceLinks.map((l) => l.sourceId) } },
    select: { sourceId: true },
  });
  const stillLinked = new Set(linked.map((l) => l.sourceId));
  const links = snapshot.sourceLinks.filter((l) => stillLinked.has(l.sourceId));
  await tx.customerSource.createMany({
    data: links.map((l) => ({
      workspaceId,
      customerId: absorbedId,
      sourceId: l.sourceId,
      firstSeenAt: new Date(l.firstSeenAt),
    })),
    skipDuplicates: true,
  });
  // A source the survivor had before the merge is its own too, so it keeps that link.
  const survivorHad = new Set(snapshot.survivorSourceIds);
  await tx.customerSource.deleteMany({
    where: { ...on, sourceId: { in: links.map((l) => l.sourceId).filter((id) => !survivorHad.has(id)) } },
  });
}

/**
 * Identities follow the restored profiles. An identity derived from a value the profile held may have
 * gone while the merge stood (the survivor's e-mail was edited, which deleted it): the profile that holds
 * the value again gets it back when nobody else owns it. Values the survivor's restore took away take
 * their derived identity along, as an edit would.
 */
async function restoreProfileIdentities(
  tx: Tx,
  workspaceId: string,
  rules: IdentityRules,
  profiles: { customerId: string; before: CustomerProperties | null; after: CustomerProperties }[],
) {
  for (const { customerId, before, after } of profiles) {
    const next = identityCandidates(after, rules);
    const replaced = before ? replacedIdentities(identityCandidates(before, rules), next) : [];
    await detachReplacedIdentities(tx, { workspaceId, customerId, replaced });
    const owners = await findIdentityOwners(tx, workspaceId, next);
    const unowned = next.filter((c) => !owners.has(identityKey(c)));
    await attachIdentities(tx, { workspaceId, customerId, identities: unowned, sourceId: null, owners });
  }
}

export async function unmergeCustomer({
  workspaceId,
  customerId,
  mergeId,
  actor,
  requestId,
}: UnmergeCustomerInput): Promise<{ survivor: Customer; restored: Customer }> {
  if (!isUuid(workspaceId) || !isUuid(customerId) || !isUuid(mergeId)) throw notFound("Merge");
  const resolvedId = await resolveCustomerId(workspaceId, customerId);
  const rules = await getIdentityRules({ workspaceId });
  return db().$transaction(async (tx) => {
    const merge = await tx.merge.findUnique({ where: { workspaceId_id: { workspaceId, id: mergeId } } });
    // The merge must be this customer's: as survivor, as the absorbed one, or as what the id resolves to.
    const belongs = merge && [merge.survivorId, merge.absorbedId].some((id) => id === customerId || id === resolvedId);
    if (!merge || !belongs) throw notFound("Merge");
    // Identity locks come before row locks (resolution's order): the identities the restored profiles may
    // get back are those of the absorbed profile and of the survivor before the merge.
    const snapshotProfiles = ZMergeSnapshot.safeParse(merge.snapshot);
    if (snapshotProfiles.success) {
      const { absorbed, survivorBefore } = snapshotProfiles.data;
      await lockIdentities(tx, workspaceId, [
        ...identityCandidates(absorbed, rules),
        ...identityCandidates(survivorBefore, rules),
      ]);
    }
    const locked = await lockCustomers(tx, workspaceId, [merge.survivorId, merge.absorbedId]);
    const survivorRow = locked.get(merge.survivorId);
    const absorbedRow = locked.get(merge.absorbedId);
    if (merge.undoneAt) throw new AppError("conflict", "This merge was already undone");
    if (survivorRow?.status !== "ACTIVE")
      throw new AppError("conflict", "The surviving customer was merged again since; undo that merge first");
    if (absorbedRow?.status !== "MERGED" || absorbedRow.mergedIntoId !== merge.survivorId) {
      throw new AppError("conflict", "The absorbed customer is no longer part of this merge");
    }
    const parsed = ZMergeSnapshot.safeParse(merge.snapshot);
    if (!parsed.success) throw new AppError("conflict", "This merge has no usable snapshot and cannot be undone");
    const snapshot = parsed.data;

    await moveRowsBack(tx, workspaceId, merge.survivorId, merge.absorbedId, snapshot);
    const current = await tx.customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: merge.survivorId } },
    });
    const restoredSurvivor = restoreSurvivor(snapshot, propertiesOf(current));
    await updateCustomerRow(tx, workspaceId, merge.survivorId, restoredSurvivor);
    await updateCustomerRow(tx, workspaceId, merge.absorbedId, snapshot.absorbed);
    await restoreProfileIdentities(tx, workspaceId, rules, [
      { customerId: merge.survivorId, before: propertiesOf(current), after: restoredSurvivor },
      { customerId: merge.absorbedId, before: null, after: snapshot.absorbed },
    ]);
    await tx.customer.update({
      where: { workspaceId_id: { workspaceId, id: merge.absorbedId } },
      data: { status: "ACTIVE", mergedIntoId: null },
    });
    await tx.merge.update({
      where: { workspaceId_id: { workspaceId, id: mergeId } },
      data: { undoneAt: new Date(), undoneById: actor.id ?? null },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.unmerged",
      targetType: "customer",
      targetId: merge.survivorId,
      details: { mergeId, restoredId: merge.absorbedId },
      requestId,
    });
    return {
      survivor: serializeCustomer(await loadCustomer(tx, workspaceId, merge.survivorId)),
      restored: serializeCustomer(await loadCustomer(tx, workspaceId, merge.absorbedId)),
    };
  });
}
