// The steps every write of a customer's profile ends with, in one order: the consent change through the
// registry, the identities, the source link, the anonymous events that become the customer's, the audit
// entry, and the public shape of the result. Create (resolveCustomerWrite) and update/replace
// (updateCustomer) both end here, inside their transaction and under the identity locks they hold.
import type { Customer } from "@/lib/schemas/customers";
import { recordAudit, type Actor, type AuditEntryInput } from "@/lib/server/audit/record-audit";
import { recordConsentChange, type RecordConsentChangeInput } from "@/lib/server/consents/record-consent-change";
import type { Tx } from "@/lib/server/db/client";
import type { IdentityCandidate } from "@/lib/server/identity/identity-candidates";
import { loadCustomer } from "@/lib/server/records/load-customer";
import { attachAnonymousEvents, attachIdentities, detachReplacedIdentities, linkSource } from "./attach-customer-data";
import { serializeCustomer } from "./serialize-customer";

export interface FinishCustomerWriteInput {
  workspaceId: string;
  customerId: string;
  /** The consent change the write carries, and where it came from (kept as the records' evidence). */
  consents: { change: RecordConsentChangeInput["change"]; source: string; evidence?: string } | null;
  identities: IdentityCandidate[];
  /** The profile's identities the write replaced or removed (replacedIdentities): their derived rows go. */
  replaced: IdentityCandidate[];
  /** identityKey → customer id, read under the identity locks (lets attachIdentities skip no-ops). */
  owners: Map<string, string>;
  sourceId: string | null;
  audit: { action: "customer.created" | "customer.updated"; details: AuditEntryInput["details"] };
  actor: Actor;
  requestId?: string;
}

export async function finishCustomerWrite(tx: Tx, input: FinishCustomerWriteInput): Promise<Customer> {
  const { workspaceId, customerId, actor, requestId, sourceId } = input;
  if (input.consents) {
    const { change, source, evidence } = input.consents;
    const meta = evidence ? { source, evidence } : { source };
    await recordConsentChange(tx, { workspaceId, customerId, change, actor, meta });
  }
  await detachReplacedIdentities(tx, { workspaceId, customerId, replaced: input.replaced });
  await attachIdentities(tx, { workspaceId, customerId, identities: input.identities, sourceId, owners: input.owners });
  await linkSource(tx, { workspaceId, customerId, sourceId });
  await attachAnonymousEvents(tx, { workspaceId, customerId });
  await recordAudit(tx, {
    workspaceId,
    actor,
    action: input.audit.action,
    targetType: "customer",
    targetId: customerId,
    details: input.audit.details,
    requestId,
  });
  return serializeCustomer(await loadCustomer(tx, workspaceId, customerId));
}
