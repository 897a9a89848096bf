// The public shape of an event type (standard with the workspace's override, or custom), in one place.
import type { EventType as EventTypeRow } from "@/lib/generated/prisma/client";
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import { STANDARD_EVENT_TYPES, type StandardEventType } from "@/lib/schemas/event-catalogue/registry";

export function serializeStandardEventType(type: StandardEventType, override: EventTypeRow | undefined): EventTypeInfo {
  const definition = STANDARD_EVENT_TYPES[type];
  return {
    type,
    standard: true,
    enabled: override?.enabled ?? true,
    mode: definition.mode,
    label: override?.label ?? definition.label,
    category: definition.category,
    icon: definition.icon,
    propertiesSchema: null,
    updatedAt: override?.updatedAt.toISOString() ?? null,
  };
}

export function serializeCustomEventType(row: EventTypeRow): EventTypeInfo {
  return {
    type: row.type,
    standard: false,
    enabled: row.enabled,
    mode: row.mode,
    label: row.label,
    category: null,
    icon: null,
    propertiesSchema: isPlainObject(row.propertiesSchema) ? row.propertiesSchema : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
