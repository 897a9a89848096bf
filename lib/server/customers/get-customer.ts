// GET …/customers/{id}: a merged-away id answers with its survivor, so links to old profiles keep working.
import type { Customer } from "@/lib/schemas/customers";
import { db } from "@/lib/server/db/client";
import { loadCustomer, resolveCustomerId } from "@/lib/server/records/load-customer";
import { serializeCustomer } from "./serialize-customer";

export async function getCustomer({
  workspaceId,
  customerId,
}: {
  workspaceId: string;
  customerId: string;
}): Promise<Customer> {
  const id = await resolveCustomerId(workspaceId, customerId);
  return serializeCustomer(await loadCustomer(db(), workspaceId, id));
}
