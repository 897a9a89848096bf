// POST …/customers/{id}/merge: an admin merges other customers into this one, optionally choosing per field
// whose value survives (the same choices its preview showed).
import type { Customer } from "@/lib/schemas/customers";
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import type { Actor } from "@/lib/server/audit/record-audit";
import { attachAnonymousEvents } from "./attach-customer-data";
import { loadCustomer } from "@/lib/server/records/load-customer";
import { serializeCustomer } from "./serialize-customer";
import { db } from "@/lib/server/db/client";
import { mergeCustomers } from "./merge-customers";
import { resolveMergeRequest } from "./resolve-merge-request";
import { RESOLUTION_TRANSACTION } from "./resolution-transaction";

export interface MergeCustomersManuallyInput {
  workspaceId: string;
  survivorId: string;
  customerIds: string[];
  /** Field path → the customer (the survivor or one of customerIds) whose value survives whole. */
  choose?: MergeChoices;
  actor: Actor;
  requestId?: string;
}

export async function mergeCustomersManually({
  workspaceId,
  survivorId,
  customerIds,
  choose,
  actor,
  requestId,
}: MergeCustomersManuallyInput): Promise<Customer> {
  const request = await resolveMergeRequest(workspaceId, survivorId, customerIds, choose);
  const survivor = request.survivorId;
  return db().$transaction(async (tx) => {
    await mergeCustomers(tx, {
      workspaceId,
      survivorId: survivor,
      absorbedIds: request.absorbedIds,
      kind: "MANUAL",
      // The choices are the user's request too: the history shows what they decided.
      reason:
        choose && Object.keys(choose).length > 0
          ? { requestedIds: customerIds, choose }
          : { requestedIds: customerIds },
      actor,
      requestId,
      choose: request.choose,
    });
    // The absorbed profiles' anonymous ids may cover events still waiting for a customer.
    await attachAnonymousEvents(tx, { workspaceId, customerId: survivor });
    return serializeCustomer(await loadCustomer(tx, workspaceId, survivor));
  }, RESOLUTION_TRANSACTION);
}
