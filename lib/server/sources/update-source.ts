import type { Source, SourceUpdate } from "@/lib/schemas/sources";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeSource } from "./serialize-source";
import { toDbSourceType } from "./source-types";
import { encryptSourceSecret } from "@/lib/server/settings/secret-box";

export interface UpdateSourceInput {
  workspaceId: string;
  sourceId: string;
  input: SourceUpdate;
  actor?: Actor;
}

export async function updateSource({
  workspaceId,
  sourceId,
  input,
  actor = SYSTEM_ACTOR,
}: UpdateSourceInput): Promise<Source> {
  if (!isUuid(workspaceId) || !isUuid(sourceId)) throw notFound("Source");
  const { signingSecret, ...changes } = input;
  const signingSecretEncrypted = signingSecret ? await encryptSourceSecret(signingSecret, sourceId) : undefined;
  return db().$transaction(async (tx) => {
    const [row] = await tx.source.updateManyAndReturn({
      where: { workspaceId, id: sourceId },
      data: {
        name: input.name,
        type: input.type && toDbSourceType(input.type),
        allowedOrigins: input.allowedOrigins,
        priority: input.priority,
        rateLimitPerMinute: input.rateLimitPerMinute,
        signingSecretEncrypted,
      },
    });
    if (!row) throw notFound("Source");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "source.updated",
      targetType: "source",
      targetId: sourceId,
      // The secret itself never enters the audit log.
      details: { changes: { ...changes, ...(signingSecret && { signingSecret: "replaced" }) } },
    });
    return serializeSource(row);
  });
}
