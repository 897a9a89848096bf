// POST …/customers/{id}/merge: an admin merges other customers into this one.
import type { Customer } from "@/lib/schemas/customers";
import type { Actor } from "@/lib/server/audit/record-audit";
import { attachAnonymousEvents } from "./attach-customer-data";
import { loadCustomer, resolveCustomerId } from "@/lib/server/records/load-customer";
import { serializeCustomer } from "./serialize-customer";
import { db } from "@/lib/server/db/client";
import { validationFailed } from "@/lib/server/core/errors";
import { mergeCustomers } from "./merge-customers";
import { RESOLUTION_TRANSACTION } from "./resolution-transaction";

export interface MergeCustomersManuallyInput {
  workspaceId: string;
  survivorId: string;
  customerIds: string[];
  actor: Actor;
  requestId?: string;
}

export async function mergeCustomersManually({
  workspaceId,
  survivorId,
  customerIds,
  actor,
  requestId,
}: MergeCustomersManuallyInput): Promise<Customer> {
  // Ids that were merged away stand for their survivors, as everywhere else; an id of another workspace is 404.
  const survivor = await resolveCustomerId(workspaceId, survivorId);
  const absorbed: string[] = [];
  for (const [index, id] of customerIds.entries()) {
    const resolved = await resolveCustomerId(workspaceId, id);
    if (resolved === survivor) {
      throw validationFailed([
        {
          path: `customerIds.${index}`,
          message: "This is the surviving customer itself (or was already merged into it)",
        },
      ]);
    }
    absorbed.push(resolved);
  }
  return db().$transaction(async (tx) => {
    await mergeCustomers(tx, {
      workspaceId,
      survivorId: survivor,
      absorbedIds: absorbed,
      kind: "MANUAL",
      reason: { requestedIds: customerIds },
      actor,
      requestId,
    });
    // The absorbed profiles' anonymous ids may cover events still waiting for a customer.
    await attachAnonymousEvents(tx, { workspaceId, customerId: survivor });
    return serializeCustomer(await loadCustomer(tx, workspaceId, survivor));
  }, RESOLUTION_TRANSACTION);
}
