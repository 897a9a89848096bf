// recordAudit's rows for many targets at once, on a plain connection (the set-based writers: bulk-created
// customers, new shop buyers' shop ids and consents): one action by one actor, a row per target with its
// own details, in one statement. The webhook fan-out is queueDomainEvents, called by the writer.
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { UUIDV7_SQL } from "@/lib/server/db/uuidv7-sql";
import { auditRow, type Actor } from "@/lib/server/records/rows";

export interface AuditBatch {
  workspaceId: string;
  actor: Actor;
  action: string;
  targetType: string;
  requestId?: string;
  /** ISO time of the entries (timestamp(3) columns hold UTC without a zone, as Prisma writes them). */
  at: string;
}

export async function insertAuditEntries(
  tx: SqlTx,
  batch: AuditBatch,
  entries: readonly { targetId: string; details: Record<string, unknown> }[],
): Promise<void> {
  if (entries.length === 0) return;
  const audit = auditRow(batch);
  await tx.query(
    `INSERT INTO "AuditEntry" (id, "workspaceId", at, "actorType", "actorId", "actorName", action, "targetType",
                               "targetId", details, "requestId", ip)
     SELECT ${UUIDV7_SQL.sql}, $1::uuid, $3::timestamp(3), $4::"ActorType", $5, $6, $7, $8, a."targetId", a.details, $9, NULL
       FROM jsonb_to_recordset($2::jsonb) AS a("targetId" text, details jsonb)`,
    [
      batch.workspaceId,
      JSON.stringify(entries),
      batch.at,
      audit.actorType,
      audit.actorId,
      audit.actorName,
      audit.action,
      audit.targetType,
      audit.requestId,
    ],
  );
}
