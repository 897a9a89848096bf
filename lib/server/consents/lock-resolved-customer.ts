// The ACTIVE customer an id stands for, locked FOR UPDATE: consent writes must not land on a profile
// that a concurrent merge is absorbing.
import { lockCustomers } from "@/lib/server/records/lock-customers";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import type { Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";

/** 404 when the id is not a customer of the workspace. */
export async function lockResolvedCustomer(tx: Tx, workspaceId: string, customerId: string): Promise<string> {
  // A merge that commits between resolving and locking makes the locked row MERGED: resolve again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = await resolveCustomerId(workspaceId, customerId, tx);
    const locked = (await lockCustomers(tx, workspaceId, [id])).get(id);
    if (locked?.status === "ACTIVE") return id;
  }
  throw new AppError("conflict", "The customer is being merged; send the request again");
}
