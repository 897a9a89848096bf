// The public shape of an event, in one place.
import type { Event as EventRow } from "@/lib/generated/prisma/client";
import type { Event } from "@/lib/schemas/events";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";

const asObject = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

export function serializeEvent(row: EventRow): Event {
  return {
    id: row.id,
    type: row.type,
    context: row.context,
    customerId: row.customerId,
    anonymousId: row.anonymousId,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    properties: asObject(row.properties),
    contextInfo: asObject(row.contextInfo),
    sourceId: row.sourceId,
    messageId: row.messageId,
  };
}
