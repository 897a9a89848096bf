// The public shape of a source, in one place. The write key hash and the signing secret never leave the server.
import type { Source as SourceRow } from "@/lib/generated/prisma/client";
import type { Source, SourceWithWriteKey } from "@/lib/schemas/sources";
import { toApiSourceType } from "./source-types";
import { webhookUrlOf } from "./webhook-url";

export function serializeSource(row: SourceRow): Source {
  return {
    id: row.id,
    name: row.name,
    type: toApiSourceType(row.type),
    allowedOrigins: row.allowedOrigins,
    priority: row.priority,
    rateLimitPerMinute: row.rateLimitPerMinute,
    writeKeyPrefix: row.writeKeyPrefix,
    webhookUrl: webhookUrlOf(toApiSourceType(row.type), row.id),
    hasSigningSecret: row.signingSecretEncrypted !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Only right after creation or rotation, the one time the key exists outside the caller's hands. */
export function serializeSourceWithWriteKey(row: SourceRow, writeKey: string): SourceWithWriteKey {
  return { ...serializeSource(row), writeKey };
}
