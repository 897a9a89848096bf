// The consent registry is append-only in the database: a trigger refuses UPDATE and DELETE of
// "ConsentRecord" rows (migration 20261128140000_consent_registry_append_only). The few operations that
// must touch existing rows say so for the rest of their transaction with a transaction-local setting:
// - "merge": merge and unmerge move rows between customers (an UPDATE of customerId and nothing else);
// - "erasure": the right to be forgotten deletes the person's rows;
// - "workspace_deletion": deleting a workspace cascades to its registry.
import type { Tx } from "@/lib/server/db/client";

export type RegistryMaintenance = "merge" | "erasure" | "workspace_deletion";

/** Allows the reason's changes until the transaction ends (SET LOCAL: it never leaks into the pool). */
export async function allowConsentRegistryMaintenance(tx: Tx, reason: RegistryMaintenance): Promise<void> {
  await tx.$executeRaw`SELECT set_config('atrium.consent_registry_maintenance', ${reason}, true)`;
}

/** Allows the reason's changes for `work` only, so the rest of a longer transaction stays guarded. */
export async function withConsentRegistryMaintenance<T>(
  tx: Tx,
  reason: RegistryMaintenance,
  work: () => Promise<T>,
): Promise<T> {
  await allowConsentRegistryMaintenance(tx, reason);
  const result = await work();
  // No try/finally: when work fails, the transaction is rolled back and the setting with it.
  await tx.$executeRaw`SELECT set_config('atrium.consent_registry_maintenance', '', true)`;
  return result;
}
