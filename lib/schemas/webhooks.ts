// Outgoing webhooks: subscriptions, their deliveries and attempts (Standard Webhooks signatures).
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";

export const WEBHOOK_EVENT_KINDS = [
  "event.created",
  "customer.created",
  "customer.updated",
  "customer.merged",
  "customer.unmerged",
  "customer.erased",
  "consent.changed",
  "view.entered",
  "view.left",
] as const;

export const ZWebhookEventKind = z.enum(WEBHOOK_EVENT_KINDS).meta({ id: "WebhookEventKind" });
export type WebhookEventKind = z.infer<typeof ZWebhookEventKind>;

const ZUrl = z.string().trim().max(2000, "Must be at most 2000 characters").meta({
  description: "https:// URL receiving the deliveries (http:// only where the installation allows private targets)",
});
const ZEvents = z.array(ZWebhookEventKind).min(1, "Name at least one kind").max(WEBHOOK_EVENT_KINDS.length);
const ZEventTypes = z
  .array(z.string().trim().min(1).max(100))
  .max(100)
  .meta({ description: "event.created only for these event types (empty or absent: every type)" });
const ZDescription = z.string().trim().max(500, "Must be at most 500 characters");

const ZMaskPayloads = z.boolean().meta({
  description:
    "Payloads carry personal data masked, as a member who sees it masked reads it (customers in the MaskedCustomer shape, events' properties and context masked); default false",
});

export const ZWebhookCreate = z
  .object({
    url: ZUrl,
    events: ZEvents,
    eventTypes: ZEventTypes.optional(),
    enabled: z.boolean().optional(),
    description: ZDescription.nullable().optional(),
    maskPersonalData: ZMaskPayloads.optional(),
  })
  .meta({ id: "WebhookCreate" });

export const ZWebhookUpdate = z
  .object({
    url: ZUrl.optional(),
    events: ZEvents.optional(),
    eventTypes: ZEventTypes.optional(),
    enabled: z.boolean().optional(),
    description: ZDescription.nullable().optional(),
    maskPersonalData: ZMaskPayloads.optional(),
  })
  .meta({ id: "WebhookUpdate" });

export const ZWebhook = z
  .object({
    id: ZId,
    url: z.string(),
    events: z.array(ZWebhookEventKind),
    eventTypes: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    maskPersonalData: z.boolean().meta({ description: "Payloads carry personal data masked" }),
    disabledReason: z
      .string()
      .nullable()
      .meta({ description: "Why Atrium disabled it (410 Gone, persistent failure)" }),
    disabledAt: ZTimestamp.nullable(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "Webhook" });

export const ZWebhookWithSecret = ZWebhook.extend({
  secret: z.string().meta({ description: "whsec_… signing secret (Standard Webhooks); shown once, store it now" }),
}).meta({ id: "WebhookWithSecret" });

export const ZWebhookAttempt = z
  .object({
    at: ZTimestamp,
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    responseExcerpt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookAttempt" });

export const ZWebhookDelivery = z
  .object({
    id: ZId,
    messageId: z.string().meta({ description: "The webhook-id header: the same on every attempt" }),
    type: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.array(ZWebhookAttempt),
    nextAttemptAt: ZTimestamp.nullable(),
    createdAt: ZTimestamp,
    deliveredAt: ZTimestamp.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export type WebhookCreate = z.infer<typeof ZWebhookCreate>;
export type WebhookUpdate = z.infer<typeof ZWebhookUpdate>;
export type Webhook = z.infer<typeof ZWebhook>;
export type WebhookWithSecret = z.infer<typeof ZWebhookWithSecret>;
export type WebhookDelivery = z.infer<typeof ZWebhookDelivery>;

// ── Endpoints ──
const TAG = "Webhooks";
const ADMIN = { kind: "workspace", permission: "admin" } as const;
const ZWebhookParams = ZWorkspaceParams.extend({ id: ZId });

export const listWebhooksEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/webhooks",
  operationId: "listWebhooks",
  summary: "Webhook subscriptions of the workspace",
  tag: TAG,
  access: ADMIN,
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZWebhook) },
});

export const createWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/webhooks",
  operationId: "createWebhook",
  summary: "Subscribe a URL to kinds of changes; the answer holds its signing secret, once",
  tag: TAG,
  access: ADMIN,
  params: ZWorkspaceParams,
  body: ZWebhookCreate,
  success: { status: 201, schema: ZWebhookWithSecret },
});

export const getWebhookEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}",
  operationId: "getWebhook",
  summary: "One webhook subscription",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  success: { status: 200, schema: ZWebhook },
});

export const updateWebhookEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}",
  operationId: "updateWebhook",
  summary: "Change a subscription (enabling it again clears the reason it was disabled)",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  body: ZWebhookUpdate,
  success: { status: 200, schema: ZWebhook },
});

export const deleteWebhookEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}",
  operationId: "deleteWebhook",
  summary: "Delete a subscription and its delivery log",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  success: { status: 204, schema: null },
});

export const rotateWebhookSecretEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}/secret",
  operationId: "rotateWebhookSecret",
  summary: "Replace the signing secret; the answer holds the new one, once",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  success: { status: 200, schema: ZWebhookWithSecret },
});

export const listWebhookDeliveriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "A subscription's deliveries, newest first, with every attempt",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZWebhookDelivery) },
});

export const retryWebhookDeliveryEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{deliveryId}/retry",
  operationId: "retryWebhookDelivery",
  summary: "Send a delivery again now (same webhook-id)",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams.extend({ deliveryId: ZId }),
  success: { status: 202, schema: ZWebhookDelivery },
});

export const pingWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/webhooks/{id}/ping",
  operationId: "pingWebhook",
  summary: "Queue a test delivery of type webhook.ping",
  tag: TAG,
  access: ADMIN,
  params: ZWebhookParams,
  success: { status: 202, schema: ZWebhookDelivery },
});
