// GET …/events/{id}.
import type { Event } from "@/lib/schemas/events";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeEvent } from "./serialize-event";

export async function getEvent({ workspaceId, eventId }: { workspaceId: string; eventId: string }): Promise<Event> {
  if (!isUuid(workspaceId) || !isUuid(eventId)) throw notFound("Event");
  const row = await db().event.findUnique({ where: { workspaceId_id: { workspaceId, id: eventId } } });
  if (!row) throw notFound("Event");
  return serializeEvent(row);
}
