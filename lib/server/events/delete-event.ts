// DELETE …/events/{id}: removes one event, recorded in the audit log with what it was.
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";

export interface DeleteEventInput {
  workspaceId: string;
  eventId: string;
  actor: Actor;
  requestId?: string;
}

export async function deleteEvent({ workspaceId, eventId, actor, requestId }: DeleteEventInput): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(eventId)) throw notFound("Event");
  await db().$transaction(async (tx) => {
    // The workspace is part of the DELETE itself: never a check-then-delete by id alone.
    const deleted = await tx.$queryRaw<{ type: string; customerId: string | null }[]>`
      DELETE FROM "Event" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${eventId}::uuid
      RETURNING type, "customerId"::text AS "customerId"`;
    if (deleted.length === 0) throw notFound("Event");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "event.deleted",
      targetType: "event",
      targetId: eventId,
      details: { type: deleted[0].type, customerId: deleted[0].customerId },
      requestId,
    });
  });
}
