// The consent registry's CHANGE entries for many customers at once, on a plain connection (the set-based
// writers: bulk-created customers, customers updated by an import, new shop buyers): what
// recordConsentChange appends per changed leaf, in one statement. The caller has stored the new states.
import type { Actor } from "@/lib/server/audit/record-audit";
import type { JsonObject } from "@/lib/server/core/json";
import type { SqlTx } from "@/lib/server/db/sql-tx";

export interface ConsentChangeRow {
  id: string;
  customerId: string;
  key: string;
  previous: JsonObject | null;
  current: JsonObject | null;
  /** ISO time; the batch's when absent. */
  changedAt?: string;
  /** The batch's when absent. */
  evidence?: string | null;
}

export interface ConsentChangeBatch {
  workspaceId: string;
  actor: Actor;
  source: string;
  /** ISO time of the entries without their own (timestamp(3) columns hold UTC without a zone). */
  changedAt: string;
  evidence?: string;
}

export async function insertConsentChanges(
  tx: SqlTx,
  batch: ConsentChangeBatch,
  rows: readonly ConsentChangeRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "ConsentRecord" ("workspaceId", id, kind, "customerId", key, previous, current, "changedAt",
                                  "actorType", "actorId", "actorName", source, evidence)
     SELECT $1::uuid, r.id, 'CHANGE', r."customerId", r.key, r.previous, r.current,
            coalesce(r."changedAt", $3)::timestamp(3), $4::"ActorType", $5, $6, $7, coalesce(r.evidence, $8)
       FROM jsonb_to_recordset($2::jsonb)
         AS r(id uuid, "customerId" uuid, key text, previous jsonb, current jsonb, "changedAt" text, evidence text)`,
    [
      batch.workspaceId,
      JSON.stringify(rows),
      batch.changedAt,
      batch.actor.type,
      batch.actor.id ?? null,
      batch.actor.name ?? null,
      batch.source,
      batch.evidence ?? null,
    ],
  );
}
