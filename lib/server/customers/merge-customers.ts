// Merging customers into a survivor: everything the absorbed profiles own moves to it, their properties
// combine per policy, and a Merge row keeps what unmerge needs to undo it exactly.
import type { MergeKind, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import { updateCustomerRow } from "./customer-properties";
import { loadMergeParties } from "./load-merge-parties";
import { planMerge } from "./plan-merge";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { moveConsentRecords } from "@/lib/server/consents/registry-rewrites";
import type { Tx } from "@/lib/server/db/client";
import { AppError, notFound, validationFailed } from "@/lib/server/core/errors";
import type { MergeSnapshot } from "./merge-snapshot";

export interface MergeCustomersInput {
  workspaceId: string;
  survivorId: string;
  absorbedIds: string[];
  kind: MergeKind;
  reason: Prisma.InputJsonObject;
  actor: Actor;
  requestId?: string;
  /** A manual merge's field choices (planMerge); each must name the survivor or one of absorbedIds. */
  choose?: MergeChoices;
}

/** Moves the absorbed customer's rows to the survivor; returns exactly what moved, for the snapshot. */
async function moveOwnedRows(tx: Tx, workspaceId: string, absorbedId: string, survivorId: string) {
  const from = { workspaceId, customerId: absorbedId };
  const to = { customerId: survivorId };
  // UPDATE … RETURNING: rows inserted concurrently are either moved and recorded, or not moved at all.
  const identities = await tx.identity.updateManyAndReturn({ where: from, data: to, select: { id: true } });
  const events = await tx.event.updateManyAndReturn({ where: from, data: to, select: { id: true } });
  // The registry is append-only in the database; a merge may move its entries (customerId only), through
  // the owner's function that records the move.
  const consentRecordIds = await moveConsentRecords(tx, {
    workspaceId,
    fromCustomerIds: [absorbedId],
    toCustomerId: survivorId,
  });
  const consentRecords = consentRecordIds.map((id) => ({ id }));
  const sourceLinks = await tx.customerSource.findMany({ where: from, select: { sourceId: true, firstSeenAt: true } });
  const survivorSources = await tx.customerSource.findMany({
    where: { workspaceId, customerId: survivorId },
    select: { sourceId: true },
  });
  await tx.customerSource.createMany({
    data: sourceLinks.map((link) => ({
      workspaceId,
      customerId: survivorId,
      sourceId: link.sourceId,
      firstSeenAt: link.firstSeenAt,
    })),
    skipDuplicates: true,
  });
  await tx.customerSource.deleteMany({ where: from });
  return {
    identityIds: identities.map((r) => r.id),
    eventIds: events.map((r) => r.id),
    consentRecordIds: consentRecords.map((r) => r.id),
    sourceLinks: sourceLinks.map((link) => ({ sourceId: link.sourceId, firstSeenAt: link.firstSeenAt.toISOString() })),
    survivorSourceIds: survivorSources.map((r) => r.sourceId),
  };
}

/**
 * Merges `absorbedIds` into `survivorId` inside the caller's transaction (one Merge row each, so each
 * can be undone on its own). Every customer must be an ACTIVE customer of the workspace: 404 when one
 * is not a customer there, 409 when one was already merged.
 */
export async function mergeCustomers(tx: Tx, input: MergeCustomersInput): Promise<{ mergeIds: string[] }> {
  const { workspaceId, survivorId, kind, reason, actor, requestId } = input;
  const absorbedIds = [...new Set(input.absorbedIds)];
  if (absorbedIds.includes(survivorId))
    throw validationFailed([{ path: "customerIds", message: "A customer cannot be merged into itself" }]);
  const locked = await lockCustomers(tx, workspaceId, [survivorId, ...absorbedIds]);
  for (const id of [survivorId, ...absorbedIds]) {
    const row = locked.get(id);
    if (!row) throw notFound("Customer");
    if (row.status !== "ACTIVE")
      throw new AppError("conflict", `Customer ${id} was already merged into another customer`, {
        extra: { customerId: id },
      });
  }

  const parties = await loadMergeParties(tx, workspaceId, survivorId, absorbedIds);
  const steps = planMerge(parties.survivor, parties.absorbed, parties.mergePolicies, input.choose);

  const mergeIds: string[] = [];
  for (const { absorbedId, absorbed, before, after } of steps) {
    const moved = await moveOwnedRows(tx, workspaceId, absorbedId, survivorId);
    await updateCustomerRow(tx, workspaceId, survivorId, after);
    await tx.customer.update({
      where: { workspaceId_id: { workspaceId, id: absorbedId } },
      data: { status: "MERGED", mergedIntoId: survivorId },
    });
    const snapshot: MergeSnapshot = {
      version: 1,
      absorbed,
      survivorBefore: before,
      survivorAfter: after,
      ...moved,
    };
    const merge = await tx.merge.create({
      data: {
        workspaceId,
        survivorId,
        absorbedId,
        kind,
        reason,
        snapshot: snapshot as Prisma.InputJsonObject,
        actorType: actor.type,
        actorId: actor.id ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.merged",
      targetType: "customer",
      targetId: survivorId,
      // No identity values here: the audit log outlives erasure, so personal data stays in the Merge row.
      details: {
        mergeId: merge.id,
        absorbedId,
        kind,
        moved: { identities: moved.identityIds.length, events: moved.eventIds.length },
      },
      requestId,
    });
    mergeIds.push(merge.id);
  }
  return { mergeIds };
}
