// The public shape of a consent registry entry, in one place.
import type { ConsentRecord } from "@/lib/generated/prisma/client";
import type { ConsentHistoryEntry } from "@/lib/schemas/consents";
import { isPlainObject } from "@/lib/server/core/json";

const leafOrNull = (value: unknown): Record<string, unknown> | null => (isPlainObject(value) ? value : null);

export function serializeConsentRecord(row: ConsentRecord): ConsentHistoryEntry {
  return {
    id: row.id,
    key: row.key,
    previous: leafOrNull(row.previous),
    current: leafOrNull(row.current),
    changedAt: row.changedAt.toISOString(),
    actor: { type: row.actorType, id: row.actorId, name: row.actorName },
    source: row.source,
    evidence: row.evidence,
  };
}
