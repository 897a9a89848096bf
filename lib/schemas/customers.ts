// Customers: the unified profile (standard `base`, workspace `extended`, tags), its identities and merges.
import { z } from "zod";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZConsentState } from "./consents";
import { ZCustomerBase, ZMaskedCustomerBase } from "./customer-base";
import { defineEndpoint } from "./endpoint";
import { ZFilter } from "./filters";
import { ZIdentityType } from "./identity-rules";
import { ZMergeChoices } from "./merge-choices";

// ───── Consents: one schema with the consents capability (lib/schemas/consents.ts); writes go through its registry.

export const ZCustomerConsents = ZConsentState;

// ───── Profiles

const ZExternalId = z.string().trim().min(1, "Must not be empty").max(255, "Must be at most 255 characters");
const ZTag = z.string().trim().min(1, "Must not be empty").max(64, "Must be at most 64 characters");
const ZExtended = z
  .record(z.string(), z.unknown())
  .meta({ description: "Workspace-declared properties; checked against the customer schema (GET …/schema)" });

export const ZCustomerWrite = z
  .strictObject({
    externalId: ZExternalId.nullable().optional().meta({ description: "The customer's id in the sending system" }),
    base: ZCustomerBase.optional(),
    extended: ZExtended.optional(),
    tags: z.array(ZTag).max(100, "At most 100 tags").optional(),
    consents: ZCustomerConsents.optional(),
    anonymousId: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: "Links this visitor's earlier anonymous events" }),
    sourceId: ZId.optional().meta({ description: "The source the data comes from (implied by a write key)" }),
  })
  .meta({ id: "CustomerWrite" });

/** RFC 7396: members replace, objects merge, null removes. The result is validated as a CustomerWrite. */
export const ZCustomerPatch = z
  .record(z.string(), z.unknown())
  .meta({ id: "CustomerPatch", description: "JSON merge patch (RFC 7396) of a CustomerWrite; null removes a field" });

export const ZCustomerIdentity = z
  .object({
    id: ZId,
    type: z.string().meta({ example: "email" }),
    value: z.string().meta({ description: "Normalised value" }),
    sourceId: ZId.nullable(),
    derivedFrom: z
      .string()
      .nullable()
      .meta({
        description:
          "The profile field the identity was read from (base.contacts.email, externalId, …): it follows that field, " +
          "replaced when the field changes and removed when it is emptied. Null for identities attached through " +
          "POST …/identities and for anonymous ids, which profile edits never remove",
        example: "base.contacts.email",
      }),
    firstSeenAt: ZTimestamp,
  })
  .meta({ id: "CustomerIdentity" });

export const ZCustomer = z
  .object({
    id: ZId,
    externalId: z.string().nullable(),
    base: ZCustomerBase,
    extended: z.record(z.string(), z.unknown()),
    tags: z.array(z.string()),
    identities: z.array(ZCustomerIdentity),
    sourceIds: z.array(ZId),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "Customer" });

/** A customer as a member who sees personal data masked, or a masking view, reads it. */
export const ZMaskedCustomer = ZCustomer.extend({
  masked: z.literal(true).meta({ description: "Personal data is masked: values are hints, not the data" }),
  base: ZMaskedCustomerBase,
}).meta({ id: "MaskedCustomer" });

/** What reading endpoints that may mask answer. The masked shape first: it is the one that says so. */
export const ZCustomerRead = z.union([ZMaskedCustomer, ZCustomer]).meta({ id: "CustomerRead" });

/** Timestamps: walked along their (workspaceId, status, …, id) indexes. */
export const CUSTOMER_TIME_SORT_FIELDS = ["createdAt", "updatedAt"] as const;
/**
 * Text fields the explorer shows by default: compared case-insensitively, customers without a value last
 * in both directions. No index serves them: a page reads every matching customer (docs/api.md).
 */
export const CUSTOMER_TEXT_SORT_FIELDS = [
  "externalId",
  "base.firstName",
  "base.lastName",
  "base.contacts.email",
  "base.contacts.mobilePhone",
  "base.address.city",
  "base.address.country",
  "base.dob",
] as const;
export const CUSTOMER_SORT_FIELDS = [...CUSTOMER_TIME_SORT_FIELDS, ...CUSTOMER_TEXT_SORT_FIELDS] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

export const ZCustomerSort = z
  .enum([...CUSTOMER_SORT_FIELDS, ...CUSTOMER_SORT_FIELDS.map((field) => `-${field}` as const)])
  .meta({ description: "Sort field; a leading - sorts descending. Text fields ignore case and put empty values last" });

export const ZCustomerListQuery = ZPageQuery.extend({
  id: z
    .union([ZId, z.array(ZId).max(200, "At most 200 ids")])
    .optional()
    .meta({
      description: "Only the customers with these ids; repeat for several (e.g. to show names beside a list of events)",
    }),
  externalId: ZExternalId.optional().meta({ description: "Exact external id (any the customer has had)" }),
  email: z
    .string()
    .trim()
    .min(1)
    .max(320)
    .optional()
    .meta({ description: "Exact e-mail (normalised like identities)" }),
  tag: z
    .union([ZTag, z.array(ZTag).max(20)])
    .optional()
    .meta({ description: "Customers with this tag; repeat for customers with all of them" }),
  q: z
    .string()
    .trim()
    .min(2, "Type at least 2 characters")
    .max(200, "Must be at most 200 characters")
    .optional()
    .meta({
      description:
        "Free text over names, e-mail, phones and external id: every word must appear somewhere (case and accents ignored); " +
        "words of 1–2 characters match the start of a word. Results follow `sort`, not relevance",
    }),
  viewId: ZId.optional().meta({
    description: "Only customers matching this view's filter (masked when the view masks personal data)",
  }),
  sort: ZCustomerSort.default("-createdAt"),
});

export const ZCustomerSearch = z
  .strictObject({
    filter: ZFilter.meta({ description: "Filter language (docs/api.md)" }),
    sort: ZCustomerSort.default("-createdAt"),
    limit: z.int().min(1).max(200).default(50).meta({ description: "Page size (1–200)" }),
    cursor: z.string().max(512).optional().meta({ description: "Opaque cursor from the previous page's nextCursor" }),
  })
  .meta({ id: "CustomerSearch" });

export const ZIdentityCreate = z
  .strictObject({
    type: ZIdentityType,
    value: z.string().min(1, "Must not be empty").max(512, "Must be at most 512 characters"),
    sourceId: ZId.optional(),
  })
  .meta({ id: "IdentityCreate" });

// ───── Merges

export const ZMergeRequest = z
  .strictObject({
    customerIds: z.array(ZId).min(1, "Name at least one customer").max(50, "At most 50 customers at once"),
    choose: ZMergeChoices.optional(),
  })
  .meta({ id: "MergeRequest" });

export const ZUnmergeRequest = z.strictObject({ mergeId: ZId }).meta({ id: "UnmergeRequest" });

export const ZMerge = z
  .object({
    id: ZId,
    survivorId: ZId,
    absorbedId: ZId,
    kind: z.enum(["AUTOMATIC", "MANUAL"]),
    reason: z
      .record(z.string(), z.unknown())
      .meta({ description: "The identities that matched, or the user's request" }),
    actor: z.object({ type: z.enum(["USER", "API_CLIENT", "SOURCE", "SYSTEM"]), id: z.string().nullable() }),
    createdAt: ZTimestamp,
    undoneAt: ZTimestamp.nullable(),
    undoneById: z.string().nullable(),
  })
  .meta({ id: "Merge" });

export const ZUnmergeResult = z
  .object({ survivor: ZCustomerRead, restored: ZCustomerRead })
  .meta({ id: "UnmergeResult" });

export const ZMergePreview = z
  .object({
    customers: z
      .array(ZCustomerRead)
      .meta({ description: "The survivor first, then the customers to merge into it, as they are now" }),
    result: ZCustomerRead.meta({ description: "The survivor as the merge would leave it" }),
    fields: z
      .array(
        z.object({
          path: z.string().meta({ description: "A choosable field (see MergeChoices)", example: "base.address" }),
          from: ZId.nullable().meta({
            description: "The customer whose value survives whole; null when the policies combine values (sum, union…)",
          }),
          chosen: z.boolean().meta({ description: "True when the request chose it" }),
        }),
      )
      .meta({ description: "Every choosable field that at least one of the customers has" }),
  })
  .meta({ id: "MergePreview" });

export const ZCustomerParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Customer id" }) });
export const ZCustomerIdentityParams = ZCustomerParams.extend({ identityId: ZId.meta({ description: "Identity id" }) });

export type CustomerWrite = z.infer<typeof ZCustomerWrite>;
export type CustomerConsents = z.infer<typeof ZCustomerConsents>;
export type CustomerIdentity = z.infer<typeof ZCustomerIdentity>;
export type Customer = z.input<typeof ZCustomer>;
export type MaskedCustomer = z.input<typeof ZMaskedCustomer>;
export type CustomerRead = z.input<typeof ZCustomerRead>;
export type CustomerListQuery = z.infer<typeof ZCustomerListQuery>;
export type CustomerSort = z.infer<typeof ZCustomerSort>;
export type CustomerSearch = z.infer<typeof ZCustomerSearch>;
export type IdentityCreate = z.infer<typeof ZIdentityCreate>;
export type Merge = z.infer<typeof ZMerge>;
export type MergeRequest = z.infer<typeof ZMergeRequest>;
export type MergePreview = z.input<typeof ZMergePreview>;

// ───── Endpoints (paths under /api/v1/workspaces/{ws})

const CUSTOMERS = "/api/v1/workspaces/{ws}/customers";
const TAG = "Customers";

export const createCustomerEndpoint = defineEndpoint({
  method: "POST",
  path: CUSTOMERS,
  operationId: "createCustomer",
  summary: "Send a customer: runs identity resolution (201 created, 200 matched and updated, 409 blocked)",
  tag: TAG,
  access: { kind: "workspace", permission: "write", writeKey: true },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams,
  body: ZCustomerWrite,
  success: {
    status: 201,
    schema: ZCustomerRead,
    description: "Created (201, with Location) or the matched customer, updated (200)",
    also: [{ status: 200, description: "An existing customer matched by identity, updated" }],
    location: true,
  },
  errors: [409],
});

export const listCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: CUSTOMERS,
  operationId: "listCustomers",
  summary:
    "List, look up and search customers, newest first by default. Accept: text/csv exports them (needs the write permission)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask", searchBy: { query: ["email", "externalId", "q", "sort"] } },
  params: ZWorkspaceParams,
  query: ZCustomerListQuery,
  success: { status: 200, schema: ZPage(ZCustomerRead) },
  csv: { permission: "write" },
});

export const searchCustomersEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/search`,
  operationId: "searchCustomers",
  summary: "Customers matching a filter. Accept: text/csv exports all of them (needs the write permission)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask", searchBy: { body: ["filter", "sort"] } },
  params: ZWorkspaceParams,
  body: ZCustomerSearch,
  success: { status: 200, schema: ZPage(ZCustomerRead) },
  csv: { permission: "write" },
});

export const getCustomerEndpoint = defineEndpoint({
  method: "GET",
  path: `${CUSTOMERS}/{id}`,
  operationId: "getCustomer",
  summary: "A customer; an id that was merged away answers with the surviving customer",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  success: { status: 200, schema: ZCustomerRead },
});

export const patchCustomerEndpoint = defineEndpoint({
  method: "PATCH",
  path: `${CUSTOMERS}/{id}`,
  operationId: "patchCustomer",
  summary: "Change a customer with a JSON merge patch (null removes a field)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZCustomerPatch,
  success: { status: 200, schema: ZCustomerRead },
  errors: [409],
});

export const replaceCustomerEndpoint = defineEndpoint({
  method: "PUT",
  path: `${CUSTOMERS}/{id}`,
  operationId: "replaceCustomer",
  summary: "Replace a customer's properties (consents are kept unless sent)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZCustomerWrite,
  success: { status: 200, schema: ZCustomerRead },
  errors: [409],
});

export const listCustomerIdentitiesEndpoint = defineEndpoint({
  method: "GET",
  path: `${CUSTOMERS}/{id}/identities`,
  operationId: "listCustomerIdentities",
  summary: "A customer's identities",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  success: { status: 200, schema: ZPage(ZCustomerIdentity) },
});

export const addCustomerIdentityEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/{id}/identities`,
  operationId: "addCustomerIdentity",
  summary: "Attach an identity to a customer (409 when another customer has it)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZIdentityCreate,
  success: {
    status: 201,
    schema: ZCustomerIdentity,
    description: "Attached (201), or already the customer's (200)",
    also: [{ status: 200, description: "Already the customer's identity" }],
  },
  errors: [409],
});

export const removeCustomerIdentityEndpoint = defineEndpoint({
  method: "DELETE",
  path: `${CUSTOMERS}/{id}/identities/{identityId}`,
  operationId: "removeCustomerIdentity",
  summary: "Detach an identity from a customer",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZCustomerIdentityParams,
  success: { status: 204, schema: null },
});

export const mergeCustomersEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/{id}/merge`,
  operationId: "mergeCustomers",
  summary: "Merge other customers into this one; answers with the survivor",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZMergeRequest,
  success: { status: 200, schema: ZCustomerRead },
  errors: [409],
});

export const previewCustomerMergeEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/{id}/merge/preview`,
  operationId: "previewCustomerMerge",
  summary: "What merging these customers into this one would leave, field by field; changes nothing",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZMergeRequest,
  success: { status: 200, schema: ZMergePreview },
  errors: [409],
});

export const listCustomerMergesEndpoint = defineEndpoint({
  method: "GET",
  path: `${CUSTOMERS}/{id}/merges`,
  operationId: "listCustomerMerges",
  summary: "Merges this customer took part in, newest first",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZMerge) },
});

export const unmergeCustomerEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/{id}/unmerge`,
  operationId: "unmergeCustomer",
  summary: "Undo a merge: restores the absorbed customer with its identities, events and consents",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "mask" },
  params: ZCustomerParams,
  body: ZUnmergeRequest,
  success: { status: 200, schema: ZUnmergeResult },
  errors: [409],
});

// ───── Audience size: how many customers a filter, a view or a search selects

export const ZCustomerCountRequest = z
  .strictObject({
    filter: ZFilter.optional().meta({ description: "Filter language (API.md); omitted = every customer" }),
    viewId: ZId.optional().meta({ description: "Only customers matching this view's filter" }),
    q: ZCustomerListQuery.shape.q,
  })
  .meta({ id: "CustomerCountRequest" });

export const ZCustomerCount = z
  .object({
    count: z.int().min(0),
    exact: z.boolean().meta({ description: "False when counting would be slow and the planner's estimate is given" }),
    method: z.enum(["exact", "estimate"]).meta({
      description: "exact: counted; estimate: PostgreSQL's row estimate, given when counting exceeds its time budget",
    }),
  })
  .meta({ id: "CustomerCount" });

export type CustomerCountRequest = z.infer<typeof ZCustomerCountRequest>;
export type CustomerCount = z.infer<typeof ZCustomerCount>;

export const countCustomersEndpoint = defineEndpoint({
  method: "POST",
  path: `${CUSTOMERS}/count`,
  operationId: "countCustomers",
  summary:
    "How many customers match a filter, a view and free text (exact, or an estimate when counting would be slow)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask", searchBy: { body: ["filter", "q"] } },
  params: ZWorkspaceParams,
  body: ZCustomerCountRequest,
  success: { status: 200, schema: ZCustomerCount },
});
