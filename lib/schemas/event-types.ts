// Event types of a workspace: the standard catalogue (each can be disabled) and the workspace's custom types.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZTimestamp, ZWorkspaceParams } from "./common";
import { EVENT_CATEGORIES } from "./event-catalogue/common";
import { ZEventTypeName } from "./events";

export const ZEventMode = z
  .enum(["ACTIVE", "PASSIVE"])
  .meta({ description: "ACTIVE: the customer did it; PASSIVE: it happened to them" });

const ZLabel = z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters");
const ZPropertiesSchema = z.record(z.string(), z.unknown()).meta({
  id: "EventTypePropertiesSchema",
  description:
    "JSON Schema (subset) of the properties: type object with properties of type string (format date, date-time, email, uri; enum), " +
    "number, integer, boolean, array (items) or object; required; additionalProperties",
});

export const ZEventTypeInfo = z
  .object({
    type: z.string(),
    standard: z.boolean(),
    enabled: z.boolean().meta({ description: "Events of a disabled type are rejected (422)" }),
    mode: ZEventMode,
    label: z.string().nullable(),
    category: z.enum(EVENT_CATEGORIES).nullable().meta({ description: "Standard types only" }),
    icon: z.string().nullable().meta({ description: "Standard types only: a Tabler icon name" }),
    propertiesSchema: ZPropertiesSchema.nullable().meta({ description: "Custom types only" }),
    updatedAt: ZTimestamp.nullable().meta({ description: "Null for a standard type never changed in this workspace" }),
  })
  .meta({ id: "EventType" });

export const ZEventTypeList = z.object({ data: z.array(ZEventTypeInfo) }).meta({ id: "EventTypeList" });

export const ZEventTypeCreate = z
  .strictObject({
    type: ZEventTypeName.meta({ description: "camelCase, not a standard type's name", example: "bookedTestDrive" }),
    label: ZLabel.optional(),
    mode: ZEventMode.optional().meta({ description: "Default ACTIVE" }),
    enabled: z.boolean().optional().meta({ description: "Default true" }),
    propertiesSchema: ZPropertiesSchema.optional().meta({ description: "Default: any properties" }),
  })
  .meta({ id: "EventTypeCreate" });

export const ZEventTypeUpdate = z
  .strictObject({
    enabled: z.boolean().optional(),
    label: ZLabel.nullable().optional().meta({ description: "null restores the default label" }),
  })
  .meta({ id: "EventTypeUpdate" });

export type EventTypeInfo = z.infer<typeof ZEventTypeInfo>;
export type EventTypeCreate = z.infer<typeof ZEventTypeCreate>;
export type EventTypeUpdate = z.infer<typeof ZEventTypeUpdate>;

// ───── Endpoints

const EVENT_TYPES = "/api/v1/workspaces/{ws}/schema/event-types";
const TAG = "Schema";

export const listEventTypesEndpoint = defineEndpoint({
  method: "GET",
  path: EVENT_TYPES,
  operationId: "listEventTypes",
  summary: "The standard event types with their enabled state, then the workspace's custom types",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZEventTypeList },
});

export const createEventTypeEndpoint = defineEndpoint({
  method: "POST",
  path: EVENT_TYPES,
  operationId: "createEventType",
  summary: "Declare a custom event type",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZEventTypeCreate,
  success: { status: 201, schema: ZEventTypeInfo },
  errors: [409],
});

export const updateEventTypeEndpoint = defineEndpoint({
  method: "PATCH",
  path: `${EVENT_TYPES}/{type}`,
  operationId: "updateEventType",
  summary: "Enable or disable an event type (standard or custom), or change its label",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams.extend({ type: ZEventTypeName }),
  body: ZEventTypeUpdate,
  success: { status: 200, schema: ZEventTypeInfo },
});
