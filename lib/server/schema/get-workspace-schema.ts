// GET …/schema: everything a client needs to know about the workspace's data — the standard customer
// fields, the declared extended properties as JSON Schema, and the event types (standard and custom,
// with this workspace's enabled state, from the events capability).
import { BASE_FIELDS, type BaseFieldPath } from "@/lib/schemas/customer-base";
import type { WorkspaceSchema } from "@/lib/schemas/schema";
import { listEventTypes } from "@/lib/server/events/list-event-types";
import { extendedJsonSchema } from "./extended-json-schema";
import { listExtendedPropertyRows } from "./list-extended-properties";

const BASE_CATALOGUE = (Object.keys(BASE_FIELDS) as BaseFieldPath[]).map((path) => ({ path, type: BASE_FIELDS[path] }));

export async function getWorkspaceSchema({ workspaceId }: { workspaceId: string }): Promise<WorkspaceSchema> {
  const [properties, eventTypes] = await Promise.all([
    listExtendedPropertyRows(workspaceId),
    listEventTypes({ workspaceId }),
  ]);
  return {
    customer: { base: BASE_CATALOGUE, extended: extendedJsonSchema(properties) },
    eventTypes: eventTypes.data,
  };
}
