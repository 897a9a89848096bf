// PATCH …/schema/event-types/{type}: enables or disables a type, or relabels it. A standard type's change is
// stored as the workspace's override row; the catalogue itself never changes.
import type { EventTypeInfo, EventTypeUpdate } from "@/lib/schemas/event-types";
import { isStandardEventType, STANDARD_EVENT_TYPES } from "@/lib/schemas/event-catalogue/registry";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeCustomEventType, serializeStandardEventType } from "./serialize-event-type";

export interface UpdateEventTypeInput {
  workspaceId: string;
  type: string;
  input: EventTypeUpdate;
  actor: Actor;
  requestId?: string;
}

export async function updateEventType({
  workspaceId,
  type,
  input,
  actor,
  requestId,
}: UpdateEventTypeInput): Promise<EventTypeInfo> {
  if (!isUuid(workspaceId)) throw notFound("Event type");
  const changes = {
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    ...(input.label !== undefined ? { label: input.label } : {}),
  };
  return db().$transaction(async (tx) => {
    let result: EventTypeInfo;
    if (isStandardEventType(type)) {
      const row = await tx.eventType.upsert({
        where: { workspaceId_type: { workspaceId, type } },
        create: { workspaceId, type, standard: true, mode: STANDARD_EVENT_TYPES[type].mode, ...changes },
        update: changes,
      });
      result = serializeStandardEventType(type, row);
    } else {
      const updated = await tx.eventType.updateManyAndReturn({
        where: { workspaceId, type, standard: false },
        data: changes,
      });
      if (updated.length === 0) throw notFound("Event type");
      result = serializeCustomEventType(updated[0]);
    }
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "eventType.updated",
      targetType: "eventType",
      targetId: type,
      details: changes,
      requestId,
    });
    return result;
  });
}
