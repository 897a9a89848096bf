// Events: what a customer did or what happened to them, typed by the standard catalogue or a custom type.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZCustomerParams } from "./customers";
import { ZContextInfo, ZEventContext } from "./event-catalogue/context";
import { isPlainObject } from "./event-catalogue/common";

export const EVENT_BATCH_MAX = 1000;
/** occurredAt may run ahead of the server clock by this much (device clocks drift); later is a sender bug. */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
export const IDENTITY_FIELDS = ["customerId", "externalId", "anonymousId"] as const;

const ZJsonObject = z
  .custom<Record<string, unknown>>(isPlainObject, { error: "Must be an object" })
  // z.custom has no JSON Schema of its own; this is what the OpenAPI document shows.
  .meta({ type: "object", additionalProperties: {} });

const ZIdentityText = z.string().trim().min(1, "Must not be empty").max(255, "Must be at most 255 characters");

export const ZEventTypeName = z.string().min(1, "Must not be empty").max(64, "Must be at most 64 characters").meta({
  description: "A standard event type (e.g. viewedPage) or a custom type of the workspace",
  example: "viewedPage",
});

export const ZEventWrite = z
  .strictObject({
    type: ZEventTypeName,
    context: ZEventContext.nullish().meta({
      description:
        "Where it happened. Default: from the sending source's type (web → WEB, mobile → MOBILE, ecommerce → ECOMMERCE, retail → RETAIL), else OTHER",
    }),
    occurredAt: ZTimestamp.nullish().meta({
      description: "When it happened; default now; at most 24 h ahead of the server",
    }),
    sentAt: ZTimestamp.nullish().meta({ description: "When the sender sent it (stored as given)" }),
    properties: ZJsonObject.nullish().meta({
      description: "Checked against the type's schema; unknown keys of standard types move to extra",
    }),
    contextInfo: ZContextInfo.nullish(),
    customerId: ZId.nullish().meta({ description: "An existing customer (a merged-away id means its survivor)" }),
    externalId: ZIdentityText.nullish().meta({
      description: "The customer's id in the sending system; unknown ones create an empty customer",
    }),
    anonymousId: ZIdentityText.nullish().meta({
      description: "A visitor not yet known; the event joins the customer once they identify",
    }),
    messageId: z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters").nullish().meta({
      description: "Idempotency key, unique per workspace: the same messageId again is answered as a duplicate",
    }),
    sourceId: ZId.nullish().meta({ description: "The source it comes from (implied by a write key)" }),
  })
  .superRefine((event, ctx) => {
    if (IDENTITY_FIELDS.some((field) => event[field])) return;
    for (const field of IDENTITY_FIELDS) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: "One of customerId, externalId or anonymousId is required",
      });
    }
  })
  .meta({ id: "EventWrite" });

export const ZEvent = z
  .object({
    id: ZId,
    type: z.string(),
    context: ZEventContext,
    customerId: ZId.nullable().meta({ description: "Null while the event is only known by its anonymousId" }),
    anonymousId: z.string().nullable(),
    occurredAt: ZTimestamp,
    receivedAt: ZTimestamp,
    sentAt: ZTimestamp.nullable(),
    properties: z.record(z.string(), z.unknown()),
    contextInfo: z
      .record(z.string(), z.unknown())
      .meta({ description: "As sent, plus client.parsed (user agent) and campaign (utm_* tags)" }),
    sourceId: ZId.nullable(),
    messageId: z.string().nullable(),
  })
  .meta({ id: "Event" });

export const ZEventCreated = z
  .object({
    id: ZId,
    customerId: ZId.nullable(),
    duplicate: z
      .boolean()
      .meta({ description: "True when the messageId was seen before; id is then the first event's" }),
  })
  .meta({ id: "EventCreated" });

export const ZEventBatch = z
  .strictObject({
    // Items are checked one by one by the ingestion service, so that a bad item is reported in the results
    // instead of failing the whole batch.
    events: z
      // Documented as EventWrite items; parsed as unknown so that the service can reject each on its own.
      .array(z.unknown().meta({ description: "An EventWrite", $ref: "#/components/schemas/EventWrite" }))
      .min(1, "Send at least one event")
      .max(EVENT_BATCH_MAX, `At most ${EVENT_BATCH_MAX} events per batch`),
  })
  .meta({ id: "EventBatch" });

export const ZEventBatchItemStatus = z.enum(["created", "duplicate", "rejected"]);

export const ZEventBatchResult = z
  .object({
    accepted: z.int().meta({ description: "Items created or recognised as duplicates" }),
    rejected: z.int(),
    results: z.array(
      z
        .object({
          index: z.int().meta({ description: "Position of the item in events[]" }),
          status: ZEventBatchItemStatus,
          id: ZId.optional().meta({ description: "The event's id (for a duplicate, the first event's)" }),
          errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        })
        .meta({ id: "EventBatchItemResult" }),
    ),
  })
  .meta({ id: "EventBatchResult" });

/** A single value or a repeated query parameter. */
function oneOrMany<T extends z.ZodType>(item: T, max: number) {
  return z.union([item, z.array(item).max(max)]).transform((value) => (Array.isArray(value) ? value : [value]));
}

export const ZCustomerEventsQuery = ZPageQuery.extend({
  type: oneOrMany(ZEventTypeName, 50).optional().meta({ description: "Event type; repeat for any of several" }),
  context: oneOrMany(ZEventContext, 9).optional().meta({ description: "Context; repeat for any of several" }),
  from: ZTimestamp.optional().meta({ description: "occurredAt at or after" }),
  to: ZTimestamp.optional().meta({ description: "occurredAt before" }),
});

export const ZEventListQuery = ZCustomerEventsQuery.extend({
  customerId: ZId.optional().meta({ description: "Events of this customer (a merged-away id means its survivor)" }),
});

export type EventWrite = z.infer<typeof ZEventWrite>;
export type Event = z.infer<typeof ZEvent>;
export type EventCreated = z.infer<typeof ZEventCreated>;
export type EventBatchResult = z.infer<typeof ZEventBatchResult>;
export type EventBatchItemStatus = z.infer<typeof ZEventBatchItemStatus>;
export type EventListQuery = z.infer<typeof ZEventListQuery>;
export type CustomerEventsQuery = z.infer<typeof ZCustomerEventsQuery>;

// ───── Endpoints (paths under /api/v1/workspaces/{ws})

const EVENTS = "/api/v1/workspaces/{ws}/events";
const TAG = "Events";
const ZEventParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Event id" }) });

export const createEventEndpoint = defineEndpoint({
  method: "POST",
  path: EVENTS,
  operationId: "createEvent",
  summary: "Send one event (201; 200 with duplicate: true when its messageId was seen before)",
  tag: TAG,
  access: { kind: "workspace", permission: "write", writeKey: true },
  params: ZWorkspaceParams,
  body: ZEventWrite,
  success: {
    status: 201,
    schema: ZEventCreated,
    description: "Created (201), or a duplicate of an earlier event (200)",
    also: [{ status: 200, description: "A duplicate of an earlier event (same messageId)" }],
    location: true,
  },
});

export const createEventBatchEndpoint = defineEndpoint({
  method: "POST",
  path: `${EVENTS}/batch`,
  operationId: "createEventBatch",
  summary: `Send up to ${EVENT_BATCH_MAX} events; each is accepted or rejected on its own`,
  tag: TAG,
  access: { kind: "workspace", permission: "write", writeKey: true },
  params: ZWorkspaceParams,
  body: ZEventBatch,
  itemsKey: "events",
  bodyLimit: 5 * 1024 * 1024,
  success: { status: 200, schema: ZEventBatchResult },
});

export const listEventsEndpoint = defineEndpoint({
  method: "GET",
  path: EVENTS,
  operationId: "listEvents",
  summary: "Events of the workspace, newest first",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams,
  query: ZEventListQuery,
  success: { status: 200, schema: ZPage(ZEvent) },
});

export const getEventEndpoint = defineEndpoint({
  method: "GET",
  path: `${EVENTS}/{id}`,
  operationId: "getEvent",
  summary: "One event",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZEventParams,
  success: { status: 200, schema: ZEvent },
});

export const deleteEventEndpoint = defineEndpoint({
  method: "DELETE",
  path: `${EVENTS}/{id}`,
  operationId: "deleteEvent",
  summary: "Delete one event",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZEventParams,
  success: { status: 204, schema: null },
});

export const listCustomerEventsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/customers/{id}/events",
  operationId: "listCustomerEvents",
  summary: "A customer's events, newest first (a merged-away id answers with the survivor's)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  query: ZCustomerEventsQuery,
  success: { status: 200, schema: ZPage(ZEvent) },
});
