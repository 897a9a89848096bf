// POST …/customers: identity resolution on write. Under the identities' advisory locks, in one
// transaction: find who owns the write's identities, then create, update, merge or refuse per the rules.
import type { Customer, CustomerWrite } from "@/lib/schemas/customers";
import type { IdentityPolicy, IdentityRules } from "@/lib/schemas/identity-rules";
import type { Actor } from "@/lib/server/audit/record-audit";
import { assertSourceInWorkspace } from "./assert-source";
import { createCustomerRow, propertiesOf, updateCustomerRow, type CustomerProperties } from "./customer-properties";
import { deepMergeNonEmpty, unionOf } from "./deep-merge-base";
import { getExtendedProperties, type ExtendedProperties } from "./get-extended-properties";
import { compactObject, isEmptyValue, type JsonObject } from "@/lib/server/core/json";
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { finishCustomerWrite } from "./finish-customer-write";
import { RESOLUTION_TRANSACTION } from "./resolution-transaction";
import { validateExtended } from "./validate-extended";
import { db, type Tx } from "@/lib/server/db/client";
import { retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { refuseSuppressed } from "@/lib/server/suppression/refuse-suppressed";
import { AppError, validationFailed } from "@/lib/server/core/errors";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { chooseResolution, type Resolution } from "@/lib/server/identity/choose-resolution";
import { findIdentityOwners } from "@/lib/server/identity/find-identity-owners";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import {
  identityCandidates,
  replacedIdentities,
  type IdentityCandidate,
} from "@/lib/server/identity/identity-candidates";
import { lockIdentities } from "@/lib/server/identity/lock-identities";
import { mergeCustomers } from "./merge-customers";

export interface ResolveCustomerWriteInput {
  workspaceId: string;
  input: CustomerWrite;
  actor: Actor;
  requestId?: string;
  /** The consent registry's `source` for consents in the write (default "POST /customers"). */
  consentSource?: string;
  /** The consent registry's `evidence` for them ("Imported from file customers.csv"). */
  consentEvidence?: string;
  /** The workspace's rules and properties, when the caller writes many customers (an import) and read them once. */
  preloaded?: { rules: IdentityRules; extendedProperties: ExtendedProperties };
}

/** What resolution reads of the workspace before a write: its identity rules and extended properties. */
export async function loadResolutionContext(workspaceId: string) {
  const [rules, extendedProperties] = await Promise.all([
    getIdentityRules({ workspaceId }),
    getExtendedProperties({ workspaceId }),
  ]);
  return { rules, extendedProperties };
}

/** The incoming properties; empty and null values carry no information and are dropped. */
export function incomingProperties(input: CustomerWrite): CustomerProperties {
  return {
    externalId: input.externalId ?? null,
    base: compactObject((input.base ?? {}) as JsonObject),
    extended: compactObject(input.extended ?? {}),
    tags: unionOf([], input.tags ?? []),
    consents: compactObject((input.consents ?? {}) as JsonObject),
  };
}

/** An update from a write: non-empty incoming values win, nothing known is erased, tags accumulate. */
export function applyIncoming(existing: CustomerProperties, incoming: CustomerProperties): CustomerProperties {
  return {
    externalId: isEmptyValue(incoming.externalId) ? existing.externalId : incoming.externalId,
    base: deepMergeNonEmpty(existing.base, incoming.base),
    extended: deepMergeNonEmpty(existing.extended, incoming.extended),
    tags: unionOf(existing.tags, incoming.tags),
    // Consents change only through their registry (finishCustomerWrite records the change).
    consents: existing.consents,
  };
}

/**
 * Decides under the locks. A matched owner can be merged away or lose the identity between reading the
 * owners and locking its row (a concurrent manual merge or unmerge), so the owners are read again once
 * their rows are locked, until both reads agree.
 */
async function resolveUnderLocks(
  tx: Tx,
  workspaceId: string,
  policy: IdentityPolicy,
  candidates: IdentityCandidate[],
): Promise<{ resolution: Resolution; owners: Map<string, string> }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const owners = await findIdentityOwners(tx, workspaceId, candidates);
    const resolution = chooseResolution(policy, candidates, owners);
    if (resolution.action === "create" || resolution.action === "block") return { resolution, owners };
    const ids =
      resolution.action === "update" ? [resolution.customerId] : [resolution.survivorId, ...resolution.absorbedIds];
    const locked = await lockCustomers(tx, workspaceId, ids);
    const ownersNow = await findIdentityOwners(tx, workspaceId, candidates);
    const again = chooseResolution(policy, candidates, ownersNow);
    if (
      ids.every((id) => locked.get(id)?.status === "ACTIVE") &&
      JSON.stringify(again) === JSON.stringify(resolution)
    ) {
      // A merge moves the absorbed customers' identities to the survivor.
      const merged = new Map([...ownersNow].map(([key, id]) => [key, ids.includes(id) ? ids[0] : id]));
      return { resolution, owners: merged };
    }
  }
  throw new AppError("conflict", "The matching customers changed while this write ran; send it again");
}

export async function resolveCustomerWrite({
  workspaceId,
  input,
  actor,
  requestId,
  consentSource = "POST /customers",
  consentEvidence,
  preloaded,
}: ResolveCustomerWriteInput): Promise<{ customer: Customer; created: boolean }> {
  const { rules, extendedProperties } = preloaded ?? (await loadResolutionContext(workspaceId));
  const errors = validateExtended(input.extended, extendedProperties.enabled);
  if (errors.length > 0) throw validationFailed(errors);
  const candidates = identityCandidates(input, rules);
  await refuseSuppressed(workspaceId, candidates);
  const incoming = incomingProperties(input);
  const sourceId = input.sourceId ?? null;

  // A deadlock on the report counters (see retryOnConflict) undid everything: the write simply runs again.
  return retryOnConflict(() =>
    db().$transaction(async (tx) => {
      await lockWorkspace(tx, workspaceId, "share");
      await assertSourceInWorkspace(tx, workspaceId, sourceId);
      await lockIdentities(tx, workspaceId, candidates);
      const { resolution, owners } = await resolveUnderLocks(tx, workspaceId, rules.policy, candidates);
      if (resolution.action === "block") {
        throw new AppError(
          "conflict",
          "A customer with these identities already exists and the identity rules block merging",
          {
            extra: { existingCustomerId: resolution.existingCustomerId },
          },
        );
      }

      let customerId: string;
      let replaced: IdentityCandidate[] = [];
      if (resolution.action === "create") {
        customerId = await createCustomerRow(tx, workspaceId, { ...incoming, consents: {} });
      } else {
        customerId = resolution.action === "update" ? resolution.customerId : resolution.survivorId;
        if (resolution.action === "merge") {
          await mergeCustomers(tx, {
            workspaceId,
            survivorId: customerId,
            absorbedIds: resolution.absorbedIds,
            kind: "AUTOMATIC",
            reason: { matched: resolution.matched },
            actor,
            requestId,
          });
        }
        const existing = await tx.customer.findUniqueOrThrow({
          where: { workspaceId_id: { workspaceId, id: customerId } },
        });
        const updated = applyIncoming(propertiesOf(existing), incoming);
        await updateCustomerRow(tx, workspaceId, customerId, updated);
        // A value the write replaced (a new e-mail for a customer matched by its external id) takes its
        // identity along, as an edit does. Identities a merge brought stay unless the profile held them.
        replaced = replacedIdentities(
          identityCandidates(propertiesOf(existing), rules),
          identityCandidates(updated, rules),
        );
      }
      const created = resolution.action === "create";
      const hasConsents = Object.keys(incoming.consents).length > 0;
      const customer = await finishCustomerWrite(tx, {
        workspaceId,
        customerId,
        consents: hasConsents
          ? { change: { mode: "patch", patch: incoming.consents }, source: consentSource, evidence: consentEvidence }
          : null,
        identities: candidates,
        replaced,
        owners,
        sourceId,
        audit: {
          action: created ? "customer.created" : "customer.updated",
          details: { via: "resolution", resolution: resolution.action },
        },
        actor,
        requestId,
      });
      return { customer, created };
    }, RESOLUTION_TRANSACTION),
  );
}
