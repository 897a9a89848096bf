// GET …/schema/event-types: the whole standard catalogue with this workspace's enabled state and labels,
// then its custom types by name. Bounded (the catalogue plus at most MAX_CUSTOM_EVENT_TYPES), so not paged.
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { isStandardEventType, STANDARD_EVENT_TYPE_NAMES } from "@/lib/schemas/event-catalogue/registry";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { serializeCustomEventType, serializeStandardEventType } from "./serialize-event-type";

export async function listEventTypes({ workspaceId }: { workspaceId: string }): Promise<{ data: EventTypeInfo[] }> {
  const rows = isUuid(workspaceId)
    ? await db().eventType.findMany({ where: { workspaceId }, orderBy: { type: "asc" } })
    : [];
  const overrides = new Map(rows.filter((row) => row.standard).map((row) => [row.type, row]));
  return {
    data: [
      ...STANDARD_EVENT_TYPE_NAMES.map((type) => serializeStandardEventType(type, overrides.get(type))),
      ...rows.filter((row) => !row.standard && !isStandardEventType(row.type)).map(serializeCustomEventType),
    ],
  };
}
