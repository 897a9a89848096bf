// How event types are described to people: the mode in plain words, and a custom type's properties in one line.
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { declaredEventProperties, eventPropertyKindLabel } from "./event-type-form";

export const EVENT_MODE_TEXT: Record<EventTypeInfo["mode"], { label: string; hint: string }> = {
  ACTIVE: { label: "Active", hint: "The customer did it (bought, clicked, signed up)." },
  PASSIVE: { label: "Passive", hint: "It happened to the customer (was sent an e-mail, was assigned a segment)." },
};

export const eventTypeLabel = (type: Pick<EventTypeInfo, "type" | "label">) => type.label ?? type.type;

/** "model (text, required) · fuel (one of a list)", or what the type accepts when it declares nothing. */
export function propertiesSummary(schema: EventTypeInfo["propertiesSchema"]): string {
  const declared = declaredEventProperties(schema);
  if (declared.length === 0) return "Any properties";
  return declared
    .map((p) => `${p.name} (${eventPropertyKindLabel(p.kind).toLowerCase()}${p.required ? ", required" : ""})`)
    .join(" · ");
}
