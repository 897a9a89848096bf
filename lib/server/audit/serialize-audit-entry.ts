// The public shape of an audit entry, in one place.
import type { AuditEntry as AuditEntryRow } from "@/lib/generated/prisma/client";
import type { AuditEntry } from "@/lib/schemas/audit";
import { isPlainObject } from "@/lib/server/core/json";

export function serializeAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { type: row.actorType, id: row.actorId, name: row.actorName },
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    details: isPlainObject(row.details) ? row.details : {},
    requestId: row.requestId,
    ip: row.ip,
  };
}
