// Rotating a source's write key: the old key stops working the moment the transaction commits.
import type { SourceWithWriteKey } from "@/lib/schemas/sources";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeSourceWithWriteKey } from "./serialize-source";
import { generateWriteKey } from "./write-keys";

export interface RotateWriteKeyInput {
  workspaceId: string;
  sourceId: string;
  actor?: Actor;
}

export async function rotateWriteKey({
  workspaceId,
  sourceId,
  actor = SYSTEM_ACTOR,
}: RotateWriteKeyInput): Promise<SourceWithWriteKey> {
  if (!isUuid(workspaceId) || !isUuid(sourceId)) throw notFound("Source");
  const writeKey = generateWriteKey();
  return db().$transaction(async (tx) => {
    const [row] = await tx.source.updateManyAndReturn({
      where: { workspaceId, id: sourceId },
      data: { writeKeyHash: writeKey.hash, writeKeyPrefix: writeKey.prefix },
    });
    if (!row) throw notFound("Source");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "source.write_key_rotated",
      targetType: "source",
      targetId: sourceId,
      details: { writeKeyPrefix: writeKey.prefix },
    });
    return serializeSourceWithWriteKey(row, writeKey.key);
  });
}
