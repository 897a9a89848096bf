// The audit log: every change a service makes records who did what to which target, in the same
// transaction as the change, so the log can never disagree with the data.
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import { queueDomainEvent } from "./queue-domain-event";

export interface Actor {
  type: ActorType;
  id?: string | null;
  name?: string | null;
}

/** Changes made by Atrium itself or from the command line, where nobody is signed in. */
export const SYSTEM_ACTOR: Actor = { type: "SYSTEM", name: "system" };

export interface AuditEntryInput {
  /** Null for installation-wide actions (users, sign-ins). */
  workspaceId: string | null;
  actor: Actor;
  /** "<resource>.<past-tense verb>", e.g. "member.added". */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
  requestId?: string;
  ip?: string;
}

/** Also queues the webhook fan-out of customer and consent changes (queue-domain-event.ts). */
export async function recordAudit(tx: Pick<Tx, "auditEntry" | "$executeRaw">, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      workspaceId: entry.workspaceId,
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      actorName: entry.actor.name ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    },
  });
  await queueDomainEvent(tx, entry);
}
