// Creating a source with a fresh write key; the key is returned this once and only its hash is kept.
import type { SourceCreate, SourceWithWriteKey } from "@/lib/schemas/sources";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { serializeSourceWithWriteKey } from "./serialize-source";
import { toApiSourceType, toDbSourceType } from "./source-types";
import { generateWriteKey } from "./write-keys";
import { encryptSourceSecret } from "@/lib/server/settings/secret-box";
import { uuidV7 } from "@/lib/server/events/event-ids";

export interface CreateSourceInput {
  workspaceId: string;
  input: SourceCreate;
  actor?: Actor;
}

export async function createSource({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
}: CreateSourceInput): Promise<SourceWithWriteKey> {
  const writeKey = generateWriteKey();
  // The id is chosen here: it is the encrypted secret's additional data.
  const id = uuidV7();
  const signingSecretEncrypted = input.signingSecret ? await encryptSourceSecret(input.signingSecret, id) : null;
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    const row = await tx.source.create({
      data: {
        id,
        workspaceId,
        signingSecretEncrypted,
        name: input.name,
        type: input.type && toDbSourceType(input.type),
        allowedOrigins: input.allowedOrigins,
        priority: input.priority,
        rateLimitPerMinute: input.rateLimitPerMinute,
        writeKeyHash: writeKey.hash,
        writeKeyPrefix: writeKey.prefix,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "source.created",
      targetType: "source",
      targetId: row.id,
      details: { name: row.name, type: toApiSourceType(row.type), writeKeyPrefix: row.writeKeyPrefix },
    });
    return serializeSourceWithWriteKey(row, writeKey.key);
  });
}
