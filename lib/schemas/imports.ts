// Bulk customers: POST …/customers/batch (up to 1,000 customers, one result each) and CSV imports
// (POST …/imports with the file as the body, then progress, the rejected rows and cancellation).
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZFieldError, ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";

export const CUSTOMER_BATCH_MAX = 1000;

export const ZCustomerBatch = z
  .strictObject({
    // Items are checked one by one by the service, so a bad item is reported in its result instead of
    // failing the whole batch.
    customers: z
      // Documented as CustomerWrite items (a typed client sends CustomerWrite[]); parsed as unknown so that the
      // service can reject each on its own.
      .array(z.unknown().meta({ description: "A CustomerWrite", $ref: "#/components/schemas/CustomerWrite" }))
      .min(1, "Send at least one customer")
      .max(CUSTOMER_BATCH_MAX, `At most ${CUSTOMER_BATCH_MAX} customers per batch`),
  })
  .meta({ id: "CustomerBatch" });

export const ZCustomerBatchItemStatus = z.enum(["created", "updated", "rejected"]);

export const ZCustomerBatchResult = z
  .object({
    accepted: z.int().meta({ description: "Items created or matched and updated" }),
    rejected: z.int(),
    results: z.array(
      z
        .object({
          index: z.int().meta({ description: "Position of the item in customers[]" }),
          status: ZCustomerBatchItemStatus,
          id: ZId.optional().meta({ description: "The customer's id" }),
          code: z.string().optional().meta({ description: "Why it was rejected: validation_failed, conflict, …" }),
          message: z.string().optional(),
          errors: z.array(ZFieldError).optional(),
        })
        .meta({ id: "CustomerBatchItemResult" }),
    ),
  })
  .meta({ id: "CustomerBatchResult" });

export type CustomerBatchResult = z.infer<typeof ZCustomerBatchResult>;
export type CustomerBatchItemStatus = z.infer<typeof ZCustomerBatchItemStatus>;

// ───── CSV imports

export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

/** Field paths a column can map to; anything else in a mapping is refused by name. */
export const IMPORT_FIELD_PATH =
  /^(externalId|tags|anonymousId|base\.[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*|extended\.[A-Za-z_][A-Za-z0-9_]*|consents\.[A-Za-z]+(\.[A-Za-z]+)*|identity\.custom:[A-Za-z][A-Za-z0-9_.-]{0,62}|ignore)$/;

export const ZImportStatus = z.enum(["queued", "running", "completed", "failed", "cancelled"]);

export const ZImportMapping = z
  .record(
    z.string().min(1).max(200),
    z.string().regex(IMPORT_FIELD_PATH, "Must be a field path (base.firstName, extended.<name>, tags, …) or ignore"),
  )
  .meta({
    description:
      'Header → field path, e.g. {"E-mail":"base.contacts.email","Newsletter":"consents.marketing.automatic.email"}. Headers named by a field path map themselves',
  });

function parseMappingParam(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const ZImportCreateQuery = z.strictObject({
  mapping: z.preprocess(parseMappingParam, ZImportMapping).optional().meta({ description: "JSON object" }),
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional()
    .meta({ description: "Validate the first 100 rows and show what would happen; nothing is written" }),
  filename: z.string().trim().min(1).max(255).optional().meta({ description: "Shown in the consent evidence" }),
});

export const ZImport = z
  .object({
    id: ZId,
    filename: z.string(),
    status: ZImportStatus,
    mapping: z.record(z.string(), z.string()),
    sizeBytes: z.number(),
    totalRows: z.int().nullable().meta({ description: "Data rows in the file, once counted" }),
    processed: z.int(),
    progress: z.number().meta({ description: "0–1" }),
    created: z.int(),
    updated: z.int(),
    rejected: z.int(),
    error: z.string().nullable(),
    createdAt: ZTimestamp,
    startedAt: ZTimestamp.nullable(),
    finishedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "Import" });

export const ZImportDryRun = z
  .object({
    dryRun: z.literal(true),
    header: z.array(z.string()),
    mapping: z.record(z.string(), z.string()),
    unmapped: z.array(z.string()).meta({ description: "Headers that map to nothing (ignored)" }),
    suggestions: z
      .record(z.string(), z.string())
      .meta({ description: "Guessed field paths for unmapped headers (E-mail → base.contacts.email), to confirm" }),
    rows: z.array(
      z.object({
        line: z.int(),
        status: z.enum(["create", "update", "reject"]),
        customer: z.record(z.string(), z.unknown()).optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "ImportDryRun" });

export type Import = z.infer<typeof ZImport>;
export type ImportDryRun = z.infer<typeof ZImportDryRun>;
export type ImportMapping = z.infer<typeof ZImportMapping>;

// ───── Endpoints

export const createCustomerBatchEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/customers/batch",
  operationId: "createCustomerBatch",
  summary: `Send up to ${CUSTOMER_BATCH_MAX} customers through identity resolution; each is accepted or rejected on its own`,
  tag: "Customers",
  access: { kind: "workspace", permission: "write", writeKey: true },
  params: ZWorkspaceParams,
  body: ZCustomerBatch,
  bodyLimit: 5 * 1024 * 1024,
  success: { status: 200, schema: ZCustomerBatchResult },
});

const IMPORTS = "/api/v1/workspaces/{ws}/imports";
const ZImportParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "Import id" }) });

/** The media types a CSV upload may declare (browsers send text/plain or a spreadsheet's type for .csv). */
export const IMPORT_CONTENT_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

export const createImportEndpoint = defineEndpoint({
  method: "POST",
  path: IMPORTS,
  operationId: "createImport",
  summary:
    "Import customers from a CSV file sent as the body (streamed, up to 512 MiB): 202 with the queued import, or 200 with a dry run of the first rows",
  tag: "Imports",
  access: { kind: "workspace", permission: "write" },
  params: ZWorkspaceParams,
  query: ZImportCreateQuery,
  rawBody: {
    contentType: "text/csv",
    description: "The CSV file, UTF-8, header row first; headers named by a field path map themselves",
  },
  bodyLimit: IMPORT_MAX_BYTES,
  success: {
    status: 202,
    schema: z.union([ZImport, ZImportDryRun]).meta({ id: "ImportCreated" }),
    description: "The import, queued (202); with dryRun=true the dry run (200)",
    also: [{ status: 200, description: "dryRun=true: what the first rows would do; nothing is stored" }],
    location: true,
  },
  errors: [413, 415],
});

export const listImportsEndpoint = defineEndpoint({
  method: "GET",
  path: IMPORTS,
  operationId: "listImports",
  summary: "The workspace's imports, newest first",
  tag: "Imports",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZImport) },
});

export const getImportEndpoint = defineEndpoint({
  method: "GET",
  path: `${IMPORTS}/{id}`,
  operationId: "getImport",
  summary: "An import's status, progress and counts",
  tag: "Imports",
  access: { kind: "workspace", permission: "read" },
  params: ZImportParams,
  success: { status: 200, schema: ZImport },
});

export const listImportErrorsEndpoint = defineEndpoint({
  method: "GET",
  path: `${IMPORTS}/{id}/errors`,
  operationId: "listImportErrors",
  summary: "The rejected rows as CSV: line number and reason",
  tag: "Imports",
  // The reasons quote the rejected cells (personal data), like an export.
  access: { kind: "workspace", permission: "write" },
  params: ZImportParams,
  success: { status: 200, schema: null, mediaType: "text/csv", description: "CSV with the columns line, reason" },
});

export const cancelImportEndpoint = defineEndpoint({
  method: "POST",
  path: `${IMPORTS}/{id}/cancel`,
  operationId: "cancelImport",
  summary: "Stop a queued or running import at its next batch (rows already written stay)",
  tag: "Imports",
  access: { kind: "workspace", permission: "write" },
  params: ZImportParams,
  success: { status: 200, schema: ZImport },
  errors: [409],
});
