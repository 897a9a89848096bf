// Automations: when an event of a type arrives (for known, anonymous or any customers, optionally only
// customers matching a filter), after a delay, run actions in order. Users write, Guests read.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZFilter } from "./filters";

export const ZAutomationTrigger = z
  .object({
    eventType: z.string().trim().min(1, "Must not be empty").max(100),
    customers: z.enum(["known", "anonymous", "any"]),
    filter: ZFilter.optional().meta({ description: "Only customers matching this filter (known customers only)" }),
  })
  .meta({ id: "AutomationTrigger" });

const ZTag = z.string().trim().min(1, "Must not be empty").max(100);
export const ZAutomationAction = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("webhook"), webhookId: ZId.optional(), url: z.string().trim().max(2000).optional() }),
    z.object({ type: z.literal("addTag"), tag: ZTag }),
    z.object({ type: z.literal("removeTag"), tag: ZTag }),
    z.object({
      type: z.literal("setProperty"),
      path: z.string().regex(/^(base|extended)(\.[A-Za-z_][A-Za-z0-9_]*)+$/, "Must be base.<field> or extended.<name>"),
      value: z.unknown(),
    }),
    z.object({ type: z.literal("sendEmail"), campaignId: ZId }).meta({
      description:
        "Sends the campaign's message (subject, preheader, html, text, from, personalised) to the event's customer, " +
        "if marketing.automatic.email is granted then, she has an e-mail address and it is not suppressed; " +
        "at most once per run. See docs/send.md",
    }),
  ])
  .meta({ id: "AutomationAction" });

const fields = {
  name: z.string().trim().min(1, "Must not be empty").max(100),
  trigger: ZAutomationTrigger,
  delayMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 30),
  actions: z.array(ZAutomationAction).min(1, "Give at least one action").max(20),
  enabled: z.boolean(),
};

export const ZAutomationCreate = z
  .object({ ...fields, delayMinutes: fields.delayMinutes.optional(), enabled: fields.enabled.optional() })
  .meta({ id: "AutomationCreate" });
export const ZAutomationUpdate = z
  .object({
    name: fields.name.optional(),
    trigger: fields.trigger.optional(),
    delayMinutes: fields.delayMinutes.optional(),
    actions: fields.actions.optional(),
    enabled: fields.enabled.optional(),
  })
  .meta({ id: "AutomationUpdate" });

export const ZAutomation = z
  .object({ id: ZId, ...fields, createdAt: ZTimestamp, updatedAt: ZTimestamp })
  .meta({ id: "Automation" });

export const ZAutomationRun = z
  .object({
    id: ZId,
    automationId: ZId,
    eventId: ZId,
    customerId: ZId.nullable(),
    status: z.enum(["pending", "succeeded", "failed", "skipped"]),
    runAt: ZTimestamp,
    finishedAt: ZTimestamp.nullable(),
    results: z.array(z.object({ type: z.string(), ok: z.boolean(), detail: z.string().nullable() })),
    error: z.string().nullable(),
  })
  .meta({ id: "AutomationRun" });

export type AutomationAction = z.infer<typeof ZAutomationAction>;
export type AutomationTrigger = z.infer<typeof ZAutomationTrigger>;
export type AutomationCreate = z.infer<typeof ZAutomationCreate>;
export type AutomationUpdate = z.infer<typeof ZAutomationUpdate>;
export type Automation = z.infer<typeof ZAutomation>;
export type AutomationRun = z.infer<typeof ZAutomationRun>;

// ── Endpoints ──
const TAG = "Automations";
const READ = { kind: "workspace", permission: "read" } as const;
const WRITE = { kind: "workspace", permission: "write" } as const;
const ZAutomationParams = ZWorkspaceParams.extend({ id: ZId });

export const listAutomationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/automations",
  operationId: "listAutomations",
  summary: "Automations of the workspace",
  tag: TAG,
  access: READ,
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZAutomation) },
});

export const createAutomationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/automations",
  operationId: "createAutomation",
  summary: "Create an event-triggered automation",
  tag: TAG,
  access: WRITE,
  params: ZWorkspaceParams,
  body: ZAutomationCreate,
  success: { status: 201, schema: ZAutomation },
});

export const getAutomationEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/automations/{id}",
  operationId: "getAutomation",
  summary: "One automation",
  tag: TAG,
  access: READ,
  params: ZAutomationParams,
  success: { status: 200, schema: ZAutomation },
});

export const updateAutomationEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}/automations/{id}",
  operationId: "updateAutomation",
  summary: "Change an automation (runs already queued keep their event; they run the actions as they are then)",
  tag: TAG,
  access: WRITE,
  params: ZAutomationParams,
  body: ZAutomationUpdate,
  success: { status: 200, schema: ZAutomation },
});

export const deleteAutomationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/automations/{id}",
  operationId: "deleteAutomation",
  summary: "Delete an automation and its runs",
  tag: TAG,
  access: WRITE,
  params: ZAutomationParams,
  success: { status: 204, schema: null },
});

export const listAutomationRunsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/automations/{id}/runs",
  operationId: "listAutomationRuns",
  summary: "An automation's runs, newest first, with each action's result",
  tag: TAG,
  access: READ,
  params: ZAutomationParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZAutomationRun) },
});
