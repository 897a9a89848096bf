// Send: the workspace's e-mail campaigns (issue 15). Sender settings, campaigns with LiquidJS
// personalisation, their recipients and report, the sandbox outbox, the provider feedback webhook, and
// the public, signed links every message carries (unsubscribe per RFC 8058, open pixel, tracked links).
import { z } from "zod";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { defineEndpoint } from "./endpoint";

const TAG = "Send";
const WS = "/api/v1/workspaces/{ws}";

const ZEmail = z.email("Must be an e-mail address").max(320);
const ZName = z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters");

// ───── Settings

export const SEND_TRANSPORTS = ["SMTP", "SANDBOX"] as const;
export const ZSendTransport = z.enum(SEND_TRANSPORTS).meta({
  description: "SMTP delivers through the installation's SMTP_URL; SANDBOX renders and stores, never delivers",
});

export const ZSendSettingsUpdate = z
  .strictObject({
    fromName: ZName.nullish(),
    fromAddress: ZEmail.nullish().meta({ description: "Default: the installation's SMTP_FROM" }),
    replyTo: ZEmail.nullish(),
    postalAddress: z.string().trim().max(500).nullish().meta({ description: "Shown in every message's footer" }),
    transport: ZSendTransport.nullish().meta({ description: "Default: SMTP when SMTP_URL is set, else SANDBOX" }),
    ratePerSecond: z.number().int().min(1).max(10_000).nullish().meta({
      description: "Messages per second handed to SMTP (default SMTP_RATE, else unlimited)",
    }),
  })
  .meta({ id: "SendSettingsUpdate" });

export const ZSendSettings = z
  .object({
    fromName: z.string().nullable(),
    fromAddress: z.string().nullable(),
    replyTo: z.string().nullable(),
    postalAddress: z.string().nullable(),
    transport: ZSendTransport.meta({ description: "The transport in force" }),
    ratePerSecond: z.number().int().nullable(),
    smtpConfigured: z.boolean().meta({ description: "Whether the installation has SMTP_URL" }),
  })
  .meta({ id: "SendSettings" });

export type SendSettings = z.output<typeof ZSendSettings>;
export type SendSettingsUpdate = z.infer<typeof ZSendSettingsUpdate>;

export const getSendSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/send/settings`,
  operationId: "getSendSettings",
  summary: "The workspace's sender identity and transport",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZSendSettings },
});

export const updateSendSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: `${WS}/send/settings`,
  operationId: "updateSendSettings",
  summary: "Set the sender identity and transport (fields left out are reset to their defaults)",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZSendSettingsUpdate,
  success: { status: 200, schema: ZSendSettings },
});

// ───── Campaigns

export const CAMPAIGN_STATUSES = ["DRAFT", "SCHEDULED", "SENDING", "SENT", "CANCELLED", "FAILED"] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof ZCampaignStatus>;

const ZTemplate = (max: number) => z.string().max(max, `Must be at most ${max} characters`);

const ZFrom = z
  .strictObject({ name: ZName.nullish(), address: ZEmail })
  .meta({ description: "Overrides the settings' sender for this campaign" });

const campaignFields = {
  name: ZName,
  subject: ZTemplate(500).trim().min(1, "Must not be empty").meta({ description: "LiquidJS template" }),
  preheader: ZTemplate(500).nullish().meta({ description: "Preview text shown after the subject; LiquidJS" }),
  html: ZTemplate(500_000).min(1, "Must not be empty").meta({
    description:
      'LiquidJS template, e.g. Hello {{ customer.base.firstName | default: "there" }}. Variables: customer (id, externalId, base, extended, tags), campaign (name), unsubscribeUrl',
  }),
  text: ZTemplate(200_000).nullish().meta({ description: "Plain-text body (LiquidJS); default: derived from html" }),
  viewId: ZId.nullish().meta({ description: "Audience: a view; null = every customer of the workspace" }),
  from: ZFrom.nullish(),
  scheduledAt: ZTimestamp.nullish().meta({ description: "When POST …/send starts it; null or past = at once" }),
};

export const ZCampaignCreate = z.strictObject(campaignFields).meta({ id: "CampaignCreate" });
export const ZCampaignUpdate = z
  .strictObject({
    ...campaignFields,
    name: campaignFields.name.optional(),
    subject: campaignFields.subject.optional(),
    html: campaignFields.html.optional(),
  })
  .meta({ id: "CampaignUpdate", description: "Only drafts (and scheduled campaigns not yet started) can change" });

export const ZAudienceCounts = z
  .object({
    audience: z.number().int().meta({ description: "Customers in the view (or the workspace)" }),
    recipients: z.number().int().meta({ description: "Consented, with an e-mail, not suppressed" }),
    noConsent: z.number().int().meta({ description: "Without marketing.automatic.email granted" }),
    noEmail: z.number().int().meta({ description: "Consented but without an e-mail address" }),
    suppressed: z.number().int().meta({ description: "Hard bounce, complaint or unsubscribe on record" }),
  })
  .meta({ id: "AudienceCounts" });
export type AudienceCounts = z.output<typeof ZAudienceCounts>;

export const ZCampaignProgress = z
  .object({
    total: z.number().int(),
    pending: z.number().int(),
    sent: z.number().int(),
    bounced: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    interrupted: z.number().int().meta({ description: "Claimed when a send was interrupted: never sent again" }),
  })
  .meta({ id: "CampaignProgress" });

export const ZCampaign = z
  .object({
    id: ZId,
    name: z.string(),
    subject: z.string(),
    preheader: z.string().nullable(),
    html: z.string(),
    text: z.string().nullable(),
    viewId: ZId.nullable(),
    from: z.object({ name: z.string().nullable(), address: z.string() }).nullable(),
    status: ZCampaignStatus,
    scheduledAt: ZTimestamp.nullable(),
    transport: ZSendTransport.nullable(),
    audience: ZAudienceCounts.nullable().meta({ description: "Counts kept when the send built its recipients" }),
    progress: ZCampaignProgress,
    failure: z.string().nullable(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
    startedAt: ZTimestamp.nullable(),
    finishedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "Campaign" });

export type Campaign = z.output<typeof ZCampaign>;
export type CampaignCreate = z.infer<typeof ZCampaignCreate>;
export type CampaignUpdate = z.infer<typeof ZCampaignUpdate>;

export const ZCampaignParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Campaign id" }) });

export const listCampaignsEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/campaigns`,
  operationId: "listCampaigns",
  summary: "The workspace's campaigns, newest first",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZCampaign) },
});

export const createCampaignEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/campaigns`,
  operationId: "createCampaign",
  summary: "Create a draft campaign; templates are checked now (422 names the field)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZWorkspaceParams,
  body: ZCampaignCreate,
  bodyLimit: 2 * 1024 * 1024,
  success: { status: 201, schema: ZCampaign },
});

export const getCampaignEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/campaigns/{id}`,
  operationId: "getCampaign",
  summary: "A campaign with its progress",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZCampaignParams,
  success: { status: 200, schema: ZCampaign },
});

export const updateCampaignEndpoint = defineEndpoint({
  method: "PATCH",
  path: `${WS}/campaigns/{id}`,
  operationId: "updateCampaign",
  summary: "Change a draft or scheduled campaign (409 once sending started)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCampaignParams,
  body: ZCampaignUpdate,
  bodyLimit: 2 * 1024 * 1024,
  success: { status: 200, schema: ZCampaign },
  errors: [409],
});

export const deleteCampaignEndpoint = defineEndpoint({
  method: "DELETE",
  path: `${WS}/campaigns/{id}`,
  operationId: "deleteCampaign",
  summary: "Delete a campaign that is not sending (its recipients' events stay on their timelines)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCampaignParams,
  success: { status: 204, schema: null },
  errors: [409],
});

export const ZTestSend = z
  .strictObject({
    to: ZEmail.meta({ description: "Where the test goes" }),
    customerId: ZId.nullish().meta({ description: "Render as this customer (default: sample data)" }),
  })
  .meta({ id: "CampaignTestSend" });

export const ZTestSendResult = z
  .object({
    transport: ZSendTransport,
    outboxMessageId: ZId.nullable().meta({ description: "The sandbox outbox entry (SANDBOX only)" }),
  })
  .meta({ id: "CampaignTestSendResult" });

export const testCampaignEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/campaigns/{id}/test`,
  operationId: "testCampaign",
  summary: "Send one test message (subject prefixed [Test]; no tracking, no consent change)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCampaignParams,
  body: ZTestSend,
  success: { status: 200, schema: ZTestSendResult },
});

export const sendCampaignEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/campaigns/{id}/send`,
  operationId: "sendCampaign",
  summary: "Send now, or at scheduledAt: recipients are chosen when it starts (consent granted then)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCampaignParams,
  success: { status: 202, schema: ZCampaign },
  errors: [409],
});

export const cancelCampaignEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/campaigns/{id}/cancel`,
  operationId: "cancelCampaign",
  summary: "Stop a scheduled or sending campaign; messages already sent stay sent",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCampaignParams,
  success: { status: 200, schema: ZCampaign },
  errors: [409],
});

export const RECIPIENT_STATUSES = [
  "PENDING",
  "SENDING",
  "SENT",
  "INTERRUPTED",
  "BOUNCED",
  "FAILED",
  "SKIPPED",
] as const;

export const ZCampaignRecipient = z
  .object({
    id: ZId,
    customerId: ZId,
    email: z.string(),
    status: z.enum(RECIPIENT_STATUSES),
    error: z.string().nullable(),
    sentAt: ZTimestamp.nullable(),
    openedAt: ZTimestamp.nullable(),
    clickedAt: ZTimestamp.nullable(),
    unsubscribedAt: ZTimestamp.nullable(),
    bouncedAt: ZTimestamp.nullable(),
    complainedAt: ZTimestamp.nullable(),
    origin: z
      .enum(["campaign", "automation"])
      .meta({ description: "campaign: the campaign's own send; automation: a sendEmail action of an automation" }),
    automationId: ZId.nullable(),
    automationRunId: ZId.nullable(),
  })
  .meta({ id: "CampaignRecipient" });

export const ZRecipientsQuery = ZPageQuery.extend({ status: z.enum(RECIPIENT_STATUSES).optional() });

export const listCampaignRecipientsEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/campaigns/{id}/recipients`,
  operationId: "listCampaignRecipients",
  summary: "The campaign's recipients and what happened to each",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZCampaignParams,
  query: ZRecipientsQuery,
  success: { status: 200, schema: ZPage(ZCampaignRecipient) },
});

const ZOriginTotals = z
  .object({
    messages: z.number().int().meta({ description: "Recipient rows of this origin, whatever their status" }),
    delivered: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    unsubscribed: z.number().int(),
    bounced: z.number().int(),
    complained: z.number().int(),
  })
  .meta({ id: "CampaignOriginTotals" });

export const ZCampaignReport = z
  .object({
    audience: ZAudienceCounts.nullable(),
    progress: ZCampaignProgress,
    delivered: z.number().int().meta({
      description: "Messages delivered: the campaign's own send and automations' sendEmail actions (byOrigin)",
    }),
    opened: z.number().int().meta({ description: "Recipients who opened (the pixel loaded) at least once" }),
    clicked: z.number().int(),
    unsubscribed: z.number().int(),
    bounced: z.number().int(),
    complained: z.number().int(),
    overTime: z
      .array(
        z.object({
          hour: ZTimestamp,
          sent: z.number().int(),
          opened: z.number().int(),
          clicked: z.number().int(),
          unsubscribed: z.number().int(),
          bounced: z.number().int(),
        }),
      )
      .meta({ description: "Per hour (UTC), from the campaign's events" }),
    byLink: z.array(z.object({ url: z.string(), clicks: z.number().int(), recipients: z.number().int() })),
    byOrigin: z.object({ campaign: ZOriginTotals, automation: ZOriginTotals }).meta({
      description:
        "The totals above split by who sent the message: the campaign's own send, or automations' sendEmail actions",
    }),
  })
  .meta({ id: "CampaignReport" });
export type CampaignReport = z.output<typeof ZCampaignReport>;

export const getCampaignReportEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/campaigns/{id}/report`,
  operationId: "getCampaignReport",
  summary: "Delivered, opens, clicks, unsubscribes, bounces: totals, per hour and per link",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZCampaignParams,
  success: { status: 200, schema: ZCampaignReport },
});

export const getCampaignAudienceEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/campaigns/{id}/audience`,
  operationId: "getCampaignAudience",
  summary: "Who the campaign would reach if sent now, and who would be left out and why",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZCampaignParams,
  success: { status: 200, schema: ZAudienceCounts },
});

// ───── Preview

export const ZPreviewRequest = z
  .strictObject({
    subject: z.string().max(500),
    preheader: z.string().max(500).nullish(),
    html: z.string().max(500_000),
    text: z.string().max(200_000).nullish(),
    customerId: ZId.nullish().meta({ description: "Render as this customer (default: sample data)" }),
  })
  .meta({ id: "PreviewRequest" });

export const ZPreview = z
  .object({ subject: z.string(), html: z.string(), text: z.string() })
  .meta({ id: "Preview", description: "The message as the customer would see it (links not yet tracked)" });
export type Preview = z.output<typeof ZPreview>;

export const previewMessageEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/send/preview`,
  operationId: "previewMessage",
  summary: "Render a subject and bodies as a customer would receive them (422 names a template error)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  body: ZPreviewRequest,
  bodyLimit: 2 * 1024 * 1024,
  success: { status: 200, schema: ZPreview },
});

// ───── Sandbox outbox

export const ZOutboxMessage = z
  .object({
    id: ZId,
    campaignId: ZId.nullable(),
    recipientId: ZId.nullable(),
    test: z.boolean(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    headers: z.record(z.string(), z.string()),
    createdAt: ZTimestamp,
  })
  .meta({ id: "OutboxMessage", description: "A sandbox message: rendered as it would be sent, never delivered" });
export type OutboxMessage = z.output<typeof ZOutboxMessage>;

export const ZOutboxQuery = ZPageQuery.extend({ campaignId: ZId.optional() });
export const ZOutboxParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Outbox message id" }) });

export const listOutboxEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/send/outbox`,
  operationId: "listOutbox",
  summary: "The sandbox outbox, newest first (never delivered)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams,
  query: ZOutboxQuery,
  success: { status: 200, schema: ZPage(ZOutboxMessage) },
});

export const getOutboxMessageEndpoint = defineEndpoint({
  method: "GET",
  path: `${WS}/send/outbox/{id}`,
  operationId: "getOutboxMessage",
  summary: "One sandbox message",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZOutboxParams,
  success: { status: 200, schema: ZOutboxMessage },
});

// ───── Provider feedback

export const ZFeedbackNotification = z
  .strictObject({
    type: z.enum(["bounce", "complaint", "unsubscribe"]).meta({
      description:
        "unsubscribe: a mail to the List-Unsubscribe mailto address, forwarded by the provider's inbound webhook",
    }),
    bounceType: z.enum(["hard", "soft"]).nullish().meta({ description: "Bounces only; default hard" }),
    messageId: z.string().max(300).nullish().meta({ description: "The Message-ID Atrium gave the message" }),
    email: ZEmail.nullish().meta({ description: "The recipient's address, when the Message-ID is not known" }),
    token: z.string().max(300).nullish().meta({
      description: "Unsubscribes: the signed token of the mailto's subject (`unsubscribe <token>`)",
    }),
    subject: z.string().max(1000).nullish().meta({
      description: "Unsubscribes: the inbound mail's whole subject line, when the token is not parsed out",
    }),
    diagnostic: z.string().max(1000).nullish(),
    occurredAt: ZTimestamp.nullish(),
  })
  .refine((n) => Boolean(n.messageId || n.email || n.token || n.subject), {
    message: "messageId or email (or, for an unsubscribe, token or subject) is required",
    path: ["messageId"],
  })
  .meta({ id: "SendFeedbackNotification" });

export const ZFeedbackBatch = z
  .strictObject({ notifications: z.array(ZFeedbackNotification).min(1).max(1000) })
  .meta({ id: "SendFeedbackBatch" });

export const ZFeedbackResult = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int(),
        status: z.enum(["recorded", "duplicate", "ignored", "unknown"]),
        recipientId: ZId.nullable(),
      }),
    ),
  })
  .meta({ id: "SendFeedbackResult" });

export const postSendFeedbackEndpoint = defineEndpoint({
  method: "POST",
  path: `${WS}/send/feedback`,
  operationId: "postSendFeedback",
  summary:
    "Bounce, complaint and mailto-unsubscribe notifications from the SMTP provider: suppress the address and record campaignBounced / campaignMarkedSpam / campaignUnsubscribed (idempotent)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZWorkspaceParams,
  body: ZFeedbackBatch,
  success: { status: 200, schema: ZFeedbackResult },
});

// ───── Public, signed links carried by the messages

const ZTokenParams = z.object({
  token: z.string().min(1).max(300).meta({ description: "Signed per recipient (HMAC)" }),
});

export const getUnsubscribePageEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/send/unsubscribe/{token}",
  operationId: "getUnsubscribePage",
  summary: "The footer link's page (HTML): a button that unsubscribes; a GET itself changes nothing",
  tag: TAG,
  access: { kind: "public" },
  params: ZTokenParams,
  success: { status: 200, schema: null, description: "An HTML page", mediaType: "text/html" },
  errors: [404],
});

export const postUnsubscribeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/send/unsubscribe/{token}",
  operationId: "postUnsubscribe",
  summary:
    "One-click unsubscribe (RFC 8058, body List-Unsubscribe=One-Click) or the page's button: marketing.automatic.email → false",
  tag: TAG,
  access: { kind: "public" },
  params: ZTokenParams,
  success: { status: 200, schema: null, description: "An HTML page", mediaType: "text/html" },
  errors: [404],
});

export const getOpenPixelEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/send/open/{token}",
  operationId: "getOpenPixel",
  summary: "The open pixel (a 1×1 GIF): records campaignOpened once per recipient",
  tag: TAG,
  access: { kind: "public" },
  params: ZTokenParams,
  success: { status: 200, schema: null, description: "A 1×1 GIF", mediaType: "image/gif" },
  errors: [404],
});

export const followTrackedLinkEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/send/click/{token}",
  operationId: "followTrackedLink",
  summary: "A tracked link: records campaignLinkClicked and redirects (302) to the campaign's own link only",
  tag: TAG,
  access: { kind: "public" },
  params: ZTokenParams,
  success: { status: 302, schema: null },
  errors: [404],
});
