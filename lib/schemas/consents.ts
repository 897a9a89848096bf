// Consents: the current state of a customer's consents and the append-only registry of every change
// (docs/api.md "Consents"). The one source of truth for the consent keys: filters and customers import them.
import { z } from "zod";
import { boundedDate, ZBoundedDateTime } from "./input-rules";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { defineEndpoint } from "./endpoint";

export const CONSENT_KEYS = [
  "marketing.traditional.telephonic",
  "marketing.traditional.papery",
  "marketing.automatic.sms",
  "marketing.automatic.email",
  "marketing.automatic.push",
  "marketing.automatic.im",
  "marketing.automatic.telephonic",
  "profiling.classic",
  "profiling.online",
  "softSpam.email",
  "softSpam.papery",
  "thirdPartyTransfer.profiling",
  "thirdPartyTransfer.marketing",
] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];

/** Every leaf the registry records: the consent keys and the accepted privacy notice. */
export const CONSENT_LEAF_KEYS = [...CONSENT_KEYS, "disclaimer"] as const;
export type ConsentLeafKey = (typeof CONSENT_LEAF_KEYS)[number];

/** The history filter: a leaf key, or a prefix of some ("marketing.automatic"). */
export const CONSENT_KEY_PREFIXES: readonly string[] = [
  ...new Set(CONSENT_LEAF_KEYS.flatMap((key) => key.split(".").map((_, i, parts) => parts.slice(0, i + 1).join(".")))),
];

// ───── State

// Flags are optional: a leaf holds what was said about it, and a flag never set is absent, not false.
export const ZConsentLeaf = z
  .strictObject({
    status: z.boolean().optional().meta({ description: "Consent given" }),
    limitation: z.boolean().optional().meta({ description: "Processing restricted" }),
    objection: z.boolean().optional().meta({ description: "The customer objected" }),
  })
  .meta({ id: "ConsentLeaf" });

export const ZConsentDisclaimer = z
  .strictObject({
    date: z.union([boundedDate(), ZBoundedDateTime]).optional(),
    version: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: "ConsentDisclaimer", description: "The privacy notice the customer accepted" });

/** In a patch a flag may also be null: what was said is withdrawn from the state, and the flag reads "Not set" again. */
export const ZConsentLeafPatch = z
  .strictObject({
    status: z.boolean().nullable().optional().meta({ description: "Consent given; null: back to not set" }),
    limitation: z.boolean().nullable().optional().meta({ description: "Processing restricted; null: back to not set" }),
    objection: z.boolean().nullable().optional().meta({ description: "The customer objected; null: back to not set" }),
  })
  .meta({ id: "ConsentLeafPatch" });

/** The nested consent keys. Kept explicit (not generated from CONSENT_KEYS) so the OpenAPI document reads well; a unit test checks both agree. */
const consentTreeOf = <L extends z.ZodType>(leaf: L) => ({
  marketing: z
    .strictObject({
      traditional: z.strictObject({ telephonic: leaf, papery: leaf }).optional(),
      automatic: z.strictObject({ sms: leaf, email: leaf, push: leaf, im: leaf, telephonic: leaf }).optional(),
    })
    .optional(),
  profiling: z.strictObject({ classic: leaf, online: leaf }).optional(),
  softSpam: z.strictObject({ email: leaf, papery: leaf }).optional(),
  thirdPartyTransfer: z.strictObject({ profiling: leaf, marketing: leaf }).optional(),
  disclaimer: ZConsentDisclaimer.optional(),
});
const consentTree = consentTreeOf(ZConsentLeaf.optional());

export const ZConsentState = z
  .strictObject(consentTree)
  .meta({ id: "ConsentState", description: "Current consent state; a leaf never set is absent, not false" });

export const ZConsentMeta = z
  .strictObject({
    source: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Where the change comes from", example: "Preference center" }),
    evidence: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .meta({ description: "What proves it", example: "Double opt-in confirmed" }),
    occurredAt: ZTimestamp.optional().meta({
      description: "When the customer made the change (default: now); not in the future",
    }),
  })
  .meta({ id: "ConsentMeta" });

export const ZConsentPatch = z
  .strictObject({ ...consentTreeOf(ZConsentLeafPatch.optional()), _meta: ZConsentMeta.optional() })
  .meta({
    id: "ConsentPatch",
    description:
      "A partial nested state: leaves not sent are unchanged, flags not sent keep their value, a flag sent as null is not set any more; each changed leaf appends one registry entry",
  });

// ───── Registry

export const ZActorType = z.enum(["USER", "API_CLIENT", "SOURCE", "SYSTEM"]);

export const ZConsentHistoryEntry = z
  .object({
    id: ZId,
    key: z.string().meta({ example: "marketing.automatic.email" }),
    previous: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The leaf before; null when it was never set" }),
    current: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The leaf after; null when it was removed" }),
    changedAt: ZTimestamp,
    actor: z.object({ type: ZActorType, id: z.string().nullable(), name: z.string().nullable() }),
    source: z.string().nullable(),
    evidence: z.string().nullable(),
  })
  .meta({ id: "ConsentHistoryEntry" });

export const ZConsentHistoryQuery = ZPageQuery.extend({
  key: z
    .string()
    .refine(
      (key) => CONSENT_KEY_PREFIXES.includes(key),
      "Must be a consent key or a prefix of one, such as marketing.automatic",
    )
    .optional()
    .meta({ description: "A consent key (exact) or a prefix of keys", example: "marketing.automatic" }),
  from: ZTimestamp.optional().meta({ description: "changedAt at or after" }),
  to: ZTimestamp.optional().meta({ description: "changedAt before" }),
});

export type ConsentLeaf = z.infer<typeof ZConsentLeaf>;
export type ConsentState = z.infer<typeof ZConsentState>;
export type ConsentPatch = z.infer<typeof ZConsentPatch>;
export type ConsentMeta = z.infer<typeof ZConsentMeta>;
export type ConsentHistoryEntry = z.infer<typeof ZConsentHistoryEntry>;
export type ConsentHistoryQuery = z.infer<typeof ZConsentHistoryQuery>;

// ───── Endpoints (paths under /api/v1/workspaces/{ws}; a merged-away customer id answers for its survivor)

// Declared here rather than imported from ./customers, which imports this module (no import cycle).
const ZConsentParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Customer id" }) });
const CONSENTS = "/api/v1/workspaces/{ws}/customers/{id}/consents";
const TAG = "Consents";

export const getCustomerConsentsEndpoint = defineEndpoint({
  method: "GET",
  path: CONSENTS,
  operationId: "getCustomerConsents",
  summary: "A customer's current consent state",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZConsentParams,
  success: { status: 200, schema: ZConsentState },
});

export const patchCustomerConsentsEndpoint = defineEndpoint({
  method: "PATCH",
  path: CONSENTS,
  operationId: "patchCustomerConsents",
  summary: "Change consents; each changed leaf appends one registry entry (answers with the new state)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZConsentParams,
  body: ZConsentPatch,
  success: { status: 200, schema: ZConsentState },
  errors: [409],
});

export const listConsentHistoryEndpoint = defineEndpoint({
  method: "GET",
  path: `${CONSENTS}/history`,
  operationId: "listConsentHistory",
  summary: "The consent registry of a customer (merged profiles included), newest first; every read is audited",
  tag: TAG,
  access: { kind: "workspace", permission: "consentHistory" },
  personalData: { masked: "mask" },
  params: ZConsentParams,
  query: ZConsentHistoryQuery,
  success: { status: 200, schema: ZPage(ZConsentHistoryEntry) },
});
