// Data-subject rights on one customer: export ("download all data") and erasure ("right to be forgotten").
// Separate from ./customers because the export document gathers customers, events, consents and audit.
import { z } from "zod";
import { ZAuditEntry } from "./audit";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZIdentityType } from "./identity-rules";
import { ZConsentHistoryEntry, ZConsentState } from "./consents";
import { ZCustomer, ZCustomerParams, ZMerge } from "./customers";
import { defineEndpoint } from "./endpoint";
import { ZEvent } from "./events";

export const ZExportIdentity = z
  .object({
    id: ZId,
    type: z.string(),
    value: z.string(),
    sourceId: ZId.nullable(),
    firstSeenAt: ZTimestamp,
    lastSeenAt: ZTimestamp,
  })
  .meta({ id: "ExportIdentity" });

export const ZExportSource = z
  .object({ id: ZId, name: z.string(), type: z.string(), firstSeenAt: ZTimestamp })
  .meta({ id: "ExportSource", description: "A source the customer's data came from" });

export const ZExportAbsorbedCustomer = z
  .object({
    id: ZId,
    externalId: z.string().nullable(),
    base: z.record(z.string(), z.unknown()),
    extended: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()),
    consents: z.record(z.string(), z.unknown()),
    mergedIntoId: ZId.nullable(),
    createdAt: ZTimestamp,
  })
  .meta({
    id: "ExportAbsorbedCustomer",
    description: "A profile merged into this customer, as it is kept for undoing the merge",
  });

export const ZExportMerge = ZMerge.extend({
  snapshot: z.record(z.string(), z.unknown()).meta({
    description:
      "The absorbed profile as it was before the merge (properties, tags, consents, ids): values the merge overwrote are here",
  }),
}).meta({ id: "ExportMerge" });

/** Parts of the export that only holders of the consent-history permission receive. */
export const EXPORT_REGISTRY_PARTS = ["consents.history", "auditEntries"] as const;

export const ZCustomerExport = z
  .object({
    exportedAt: ZTimestamp,
    customer: ZCustomer,
    identities: z.array(ZExportIdentity),
    sources: z.array(ZExportSource),
    events: z.array(ZEvent).meta({ description: "Every event of the customer, oldest first" }),
    consents: z.object({
      state: ZConsentState,
      history: z
        .array(ZConsentHistoryEntry)
        .optional()
        .meta({ description: "Newest first; only for callers with the consent-history permission" }),
    }),
    merges: z.array(ZExportMerge),
    absorbedCustomers: z.array(ZExportAbsorbedCustomer),
    auditEntries: z.array(ZAuditEntry).optional().meta({
      description:
        "Audit entries about this customer and the profiles merged into it; only for callers with the consent-history permission",
    }),
    withheld: z.array(z.enum(EXPORT_REGISTRY_PARTS)).meta({
      description:
        "Parts left out because the caller lacks the consent-history permission (an export by a data protection officer or an admin has them all)",
    }),
  })
  .meta({ id: "CustomerExport" });

export type CustomerExport = z.infer<typeof ZCustomerExport>;
export type ExportIdentity = z.infer<typeof ZExportIdentity>;
export type ExportSource = z.infer<typeof ZExportSource>;
export type ExportAbsorbedCustomer = z.infer<typeof ZExportAbsorbedCustomer>;
export type ExportMerge = z.infer<typeof ZExportMerge>;

const CUSTOMER = "/api/v1/workspaces/{ws}/customers/{id}";

// "write", not "admin": docs/api.md gives Users "export CSV", and handing a person their own data is routine
// service work. The export is audited ("customer.exported") like every other access to personal data.
// The consent history and the audit entries follow the consent-history permission like their own
// endpoints: without it they are left out and named in `withheld` (the rest is still the person's data).
export const exportCustomerEndpoint = defineEndpoint({
  method: "GET",
  path: `${CUSTOMER}/export`,
  operationId: "exportCustomer",
  summary: "Everything held about the person as one JSON document (streamed); a merged-away id exports its survivor",
  tag: "Privacy",
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "refuse" },
  params: ZCustomerParams,
  success: { status: 200, schema: ZCustomerExport },
  rateLimit: "export",
});

export const eraseCustomerEndpoint = defineEndpoint({
  method: "DELETE",
  path: CUSTOMER,
  operationId: "eraseCustomer",
  summary:
    "Erase the person: profile, identities, events, consents and the profiles merged into it, and her values in audit details and saved views; the registry keeps a pseudonymous erasure record. A merged-away id erases its survivor",
  tag: "Privacy",
  access: { kind: "workspace", permission: "admin" },
  params: ZCustomerParams,
  success: { status: 204, schema: null },
});

// ───── Suppression list: erased identities kept as one-way hashes so they cannot re-create the person

export const ZSuppression = z
  .object({
    hash: z.string().meta({ description: "HMAC-SHA-256 of type:value with the installation's erasure salt" }),
    type: z.string().meta({ example: "email" }),
    createdAt: ZTimestamp,
    droppedCount: z.int().meta({ description: "Events and writes dropped because they named it" }),
    lastDroppedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "Suppression" });

export const ZSuppressionListQuery = ZPageQuery.extend({
  type: ZIdentityType.optional().meta({ description: "With value: only the suppression of this identity, if any" }),
  value: z.string().min(1).max(512).optional().meta({ description: "An identity value to look up (normalised first)" }),
});

export const ZSuppressionParams = ZWorkspaceParams.extend({
  // Any other string names no suppression: a 404, like an unknown id.
  hash: z.string().max(128).meta({ description: "Suppression hash (64 hex digits)" }),
});

export type Suppression = z.infer<typeof ZSuppression>;

const SUPPRESSIONS = "/api/v1/workspaces/{ws}/suppressions";

export const listSuppressionsEndpoint = defineEndpoint({
  method: "GET",
  path: SUPPRESSIONS,
  operationId: "listSuppressions",
  summary: "Erased identities that are suppressed (newest first); type and value look one up",
  tag: "Privacy",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  query: ZSuppressionListQuery,
  success: { status: 200, schema: ZPage(ZSuppression) },
});

export const liftSuppressionEndpoint = defineEndpoint({
  method: "DELETE",
  path: `${SUPPRESSIONS}/{hash}`,
  operationId: "liftSuppression",
  summary: "Lift a suppression: data naming the identity is accepted again (audited)",
  tag: "Privacy",
  access: { kind: "workspace", permission: "admin" },
  params: ZSuppressionParams,
  success: { status: 204, schema: null },
});
