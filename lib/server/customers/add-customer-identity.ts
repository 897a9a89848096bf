// POST …/customers/{id}/identities: attaching an identity by hand, normalised like resolution does it.
// An identity belongs to one customer: one owned by another customer is a 409 naming that customer. An
// identity attached here is not derived from the profile (derivedFrom null): profile edits never remove it.
import type { CustomerIdentity, IdentityCreate } from "@/lib/schemas/customers";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { assertSourceInWorkspace } from "./assert-source";
import { attachAnonymousEvents } from "./attach-customer-data";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { serializeIdentity } from "./serialize-customer";
import { db } from "@/lib/server/db/client";
import { AppError, validationFailed } from "@/lib/server/core/errors";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { z } from "zod";
import { normalizeCandidate } from "@/lib/server/identity/identity-candidates";
import { refuseSuppressed } from "@/lib/server/suppression/refuse-suppressed";
import { lockIdentities } from "@/lib/server/identity/lock-identities";

export interface AddCustomerIdentityInput {
  workspaceId: string;
  customerId: string;
  input: IdentityCreate;
  actor: Actor;
  requestId?: string;
}

export async function addCustomerIdentity({
  workspaceId,
  customerId,
  input,
  actor,
  requestId,
}: AddCustomerIdentityInput): Promise<{ identity: CustomerIdentity; created: boolean }> {
  const id = await resolveCustomerId(workspaceId, customerId);
  const rules = await getIdentityRules({ workspaceId });
  // An e-mail identity must be an e-mail address, like base.contacts.email (phones are checked by
  // normalisation itself: an invalid number normalises to nothing).
  const wellFormed = input.type !== "email" || z.email().safeParse(input.value.trim()).success;
  const candidate = wellFormed ? normalizeCandidate(input.type, input.value, rules) : null;
  if (!candidate) {
    throw validationFailed([
      {
        path: "value",
        message: `Not usable as ${input.type}: empty, blocked by the identity rules, or not a valid value of that type`,
      },
    ]);
  }
  await refuseSuppressed(workspaceId, [candidate]);
  return db().$transaction(async (tx) => {
    await assertSourceInWorkspace(tx, workspaceId, input.sourceId);
    await lockIdentities(tx, workspaceId, [candidate]);
    if ((await lockCustomers(tx, workspaceId, [id])).get(id)?.status !== "ACTIVE") {
      throw new AppError("conflict", "The customer was merged while this request ran; send it again");
    }
    const existing = await tx.identity.findUnique({
      where: { workspaceId_type_value: { workspaceId, type: candidate.type, value: candidate.value } },
    });
    if (existing && existing.customerId !== id) {
      throw new AppError("conflict", `Another customer already has this ${candidate.type}`, {
        extra: { existingCustomerId: existing.customerId },
      });
    }
    if (existing) {
      // Attached by hand now, so no longer only derived from the profile: it stays when the profile changes.
      const pinned = existing.derivedFrom
        ? await tx.identity.update({
            where: { workspaceId_id: { workspaceId, id: existing.id } },
            data: { derivedFrom: null },
          })
        : existing;
      return { identity: serializeIdentity(pinned), created: false };
    }
    const row = await tx.identity.create({
      data: {
        workspaceId,
        customerId: id,
        type: candidate.type,
        value: candidate.value,
        sourceId: input.sourceId ?? null,
      },
    });
    if (candidate.type === "anonymousId") await attachAnonymousEvents(tx, { workspaceId, customerId: id });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "customer.identityAdded",
      targetType: "customer",
      targetId: id,
      details: { identityId: row.id, type: row.type },
      requestId,
    });
    return { identity: serializeIdentity(row), created: true };
  });
}
