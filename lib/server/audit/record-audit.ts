// The audit log: every change a service makes records who did what to which target, in the same
// transaction as the change, so the log can never disagree with the data.
import type { Tx } from "@/lib/server/db/client";
import { auditRow, type AuditEntryInput } from "@/lib/server/records/rows";
import { queueDomainEvent } from "./queue-domain-event";

export { SYSTEM_ACTOR, type Actor, type AuditEntryInput } from "@/lib/server/records/rows";

/** Also queues the webhook fan-out of customer and consent changes (queue-domain-event.ts). */
export async function recordAudit(tx: Pick<Tx, "auditEntry" | "$executeRaw">, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(entry) });
  await queueDomainEvent(tx, entry);
}
