// PATCH (JSON merge patch) and PUT (replace) of one customer. New identities in the profile are attached
// under their advisory locks; one that the rules match on and another customer owns is a 409, because an
// edit of one profile must not silently merge or steal another's. Identities derived from values the edit
// changed or removed are deleted: the identities follow the profile.
import { ZCustomerWrite, type Customer, type CustomerWrite } from "@/lib/schemas/customers";
import type { Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { AppError, validationFailed } from "@/lib/server/core/errors";
import { parseInput } from "@/lib/server/core/field-errors";
import { findIdentityOwners, identityKey } from "@/lib/server/identity/find-identity-owners";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { identityCandidates, replacedIdentities } from "@/lib/server/identity/identity-candidates";
import { lockIdentities } from "@/lib/server/identity/lock-identities";
import { RESOLUTION_TRANSACTION } from "./resolution-transaction";
import { finishCustomerWrite } from "./finish-customer-write";
import { assertSourceInWorkspace } from "./assert-source";
import { propertiesOf, updateCustomerRow, type CustomerProperties } from "./customer-properties";
import { getExtendedProperties } from "./get-extended-properties";
import { compactObject, deepEqual, type JsonObject } from "@/lib/server/core/json";
import { applyMergePatch } from "./json-merge-patch";
import { loadCustomer, resolveCustomerId, type CustomerWithRelations } from "@/lib/server/records/load-customer";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { validateExtended } from "./validate-extended";

export type CustomerChange =
  { mode: "patch"; patch: Record<string, unknown> } | { mode: "replace"; replacement: CustomerWrite };

export interface UpdateCustomerInput {
  workspaceId: string;
  customerId: string;
  change: CustomerChange;
  actor: Actor;
  requestId?: string;
}

/** The document a merge patch applies to: the writable fields as they are now. */
function writableDocument(row: CustomerWithRelations): JsonObject {
  const props = propertiesOf(row);
  return {
    ...(props.externalId !== null && { externalId: props.externalId }),
    base: props.base,
    extended: props.extended,
    tags: props.tags,
    consents: props.consents,
  };
}

/** Only changed extended values are checked: data stored before a property was disabled stays valid. */
function changedEntries(next: JsonObject, previous: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => !deepEqual(value, previous[key])));
}

/** The customer's properties after the change, and the validated write they came from. */
function changedProperties(
  row: CustomerWithRelations,
  change: CustomerChange,
): { write: CustomerWrite; props: CustomerProperties } {
  const write =
    change.mode === "patch"
      ? parseInput(ZCustomerWrite, applyMergePatch(writableDocument(row), change.patch))
      : change.replacement;
  const props: CustomerProperties = {
    externalId: write.externalId ?? null,
    base: compactObject((write.base ?? {}) as JsonObject),
    extended: compactObject(write.extended ?? {}),
    tags: [...new Set(write.tags ?? [])],
    // Consent state only changes when consents are sent: a replace that omits them must not withdraw
    // them (a patch document always holds them, so there an absent value was removed with null).
    consents:
      write.consents === undefined && change.mode === "replace"
        ? propertiesOf(row).consents
        : compactObject((write.consents ?? {}) as JsonObject),
  };
  return { write, props };
}

export async function updateCustomer({
  workspaceId,
  customerId,
  change,
  actor,
  requestId,
}: UpdateCustomerInput): Promise<Customer> {
  const [rules, extendedProperties] = await Promise.all([
    getIdentityRules({ workspaceId }),
    getExtendedProperties({ workspaceId }),
  ]);
  // Optimistic: compute from a plain read, then lock and check nothing changed in between; the identity
  // locks must be taken before the row lock (the order resolution uses), so they cannot come after it.
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = await resolveCustomerId(workspaceId, customerId);
    const row = await loadCustomer(db(), workspaceId, id);
    const { write, props } = changedProperties(row, change);
    const errors = validateExtended(
      changedEntries(props.extended, propertiesOf(row).extended),
      extendedProperties.enabled,
    );
    if (errors.length > 0) throw validationFailed(errors);
    const candidates = identityCandidates(
      { externalId: props.externalId, base: props.base, anonymousId: write.anonymousId },
      rules,
    );
    // Only identities the change introduces can conflict: a profile that already lists another
    // customer's e-mail (e.g. written under NO_CHECK) must stay editable.
    const previousCandidates = identityCandidates(propertiesOf(row), rules);
    const previous = new Set(previousCandidates.map(identityKey));
    const introduced = candidates.filter((c) => !previous.has(identityKey(c)));
    // Identities follow the profile, under every policy: a value changed or removed takes its identity along.
    const replaced = replacedIdentities(previousCandidates, candidates);
    const sourceId = write.sourceId ?? null;

    const result = await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        await assertSourceInWorkspace(tx, workspaceId, sourceId);
        await lockIdentities(tx, workspaceId, [...candidates, ...replaced]);
        const locked = (await lockCustomers(tx, workspaceId, [id])).get(id);
        if (!locked || locked.status !== "ACTIVE" || locked.updatedAtMs !== row.updatedAt.getTime()) return null;
        const owners = await findIdentityOwners(tx, workspaceId, candidates);
        const taken = introduced.find(
          (c) => c.priority !== null && rules.policy !== "NO_CHECK" && (owners.get(identityKey(c)) ?? id) !== id,
        );
        if (taken) {
          throw new AppError("conflict", `Another customer already has this ${taken.type}`, {
            extra: { existingCustomerId: owners.get(identityKey(taken)) },
          });
        }
        // Consents change only through their registry, which diffs and records each changed leaf.
        await updateCustomerRow(tx, workspaceId, id, { ...props, consents: propertiesOf(row).consents });
        return finishCustomerWrite(tx, {
          workspaceId,
          customerId: id,
          consents: {
            change: { mode: "replace", state: props.consents },
            source: `${change.mode === "patch" ? "PATCH" : "PUT"} /customers/{id}`,
          },
          identities: candidates,
          replaced,
          owners,
          sourceId,
          audit: { action: "customer.updated", details: { via: change.mode } },
          actor,
          requestId,
        });
      }, RESOLUTION_TRANSACTION),
    );
    if (result) return result;
  }
  throw new AppError("conflict", "The customer changed while this update ran; send it again");
}
