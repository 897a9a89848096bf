// Views: saved filters over customers with chosen columns and optional masking of personal data.
import { z } from "zod";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { isBaseFieldPath } from "./customer-base";
import { ZCustomerRead, ZCustomerSort } from "./customers";
import { defineEndpoint } from "./endpoint";
import { EXTENDED_PROPERTY_NAME } from "./extended-schema";
import { ZFilter } from "./filters";

/** Columns that are not `base` or `extended` paths. */
export const VIEW_COLUMN_FIELDS = ["externalId", "tags", "createdAt", "updatedAt"] as const;

/** What a view shows when it names no columns (also the CSV export's default). */
export const DEFAULT_VIEW_COLUMNS = [
  "externalId",
  "base.firstName",
  "base.lastName",
  "base.contacts.email",
  "base.contacts.mobilePhone",
  "base.address.city",
  "base.address.country",
  "tags",
  "createdAt",
] as const;

/** A column a view may show; whether an extended property is declared is checked by the server. */
export function isViewColumn(column: string): boolean {
  if (isBaseFieldPath(column) || (VIEW_COLUMN_FIELDS as readonly string[]).includes(column)) return true;
  return column.startsWith("extended.") && EXTENDED_PROPERTY_NAME.test(column.slice("extended.".length));
}

const ZColumn = z
  .string()
  .max(200)
  .refine(
    isViewColumn,
    `Must be a base field path (e.g. base.firstName), extended.<name>, ${VIEW_COLUMN_FIELDS.join(", ")}`,
  )
  .meta({ example: "base.address.country" });

const ZColumns = z
  .array(ZColumn)
  .max(50, "At most 50 columns")
  .superRefine((columns, ctx) => {
    columns.forEach((column, index) => {
      if (columns.indexOf(column) !== index)
        ctx.addIssue({ code: "custom", message: `"${column}" is listed twice`, path: [index], input: column });
    });
  })
  .meta({
    description: `Columns shown in lists and CSV exports, in order; empty = ${DEFAULT_VIEW_COLUMNS.join(", ")}`,
  });

const ZViewName = z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters");

// ZFilter is recursive, which the OpenAPI generator handles through its registered id "Filter".
const ZViewFilter = ZFilter.meta({ description: "Filter language (docs/api.md); { and: [] } matches every customer" });

export const ZViewCreate = z
  .strictObject({
    name: ZViewName,
    filter: ZViewFilter.optional().meta({ description: "Default { and: [] } (everyone)" }),
    columns: ZColumns.optional(),
    maskPersonalData: z.boolean().optional().meta({ description: "Default false" }),
  })
  .meta({ id: "ViewCreate" });

export const ZViewUpdate = z
  .strictObject({
    name: ZViewName.optional(),
    filter: ZViewFilter.optional(),
    columns: ZColumns.optional(),
    maskPersonalData: z.boolean().optional(),
  })
  .meta({ id: "ViewUpdate" });

export const ZView = z
  .object({
    id: ZId,
    name: z.string(),
    filter: ZViewFilter,
    columns: z.array(z.string()),
    maskPersonalData: z.boolean().meta({
      description:
        "Customers read through the view show names, contacts, address and birth date masked (e.g. M***, m***@g***.com)",
    }),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "View" });

export const ZViewParams = ZWorkspaceParams.extend({ id: ZId.meta({ description: "View id" }) });
export const ZViewCustomersQuery = ZPageQuery.extend({ sort: ZCustomerSort.default("-createdAt") });

export type ViewCreate = z.infer<typeof ZViewCreate>;
export type ViewUpdate = z.infer<typeof ZViewUpdate>;
export type View = z.output<typeof ZView>;

const VIEWS = "/api/v1/workspaces/{ws}/views";
const TAG = "Views";

export const listViewsEndpoint = defineEndpoint({
  method: "GET",
  path: VIEWS,
  operationId: "listViews",
  summary: "The workspace's views, oldest first",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZView) },
});

export const createViewEndpoint = defineEndpoint({
  method: "POST",
  path: VIEWS,
  operationId: "createView",
  summary: "Save a view; its filter is checked against the workspace's fields now (422 names unknown ones)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "mask", searchBy: { body: ["filter"] } },
  params: ZWorkspaceParams,
  body: ZViewCreate,
  success: { status: 201, schema: ZView, location: true },
});

export const getViewEndpoint = defineEndpoint({
  method: "GET",
  path: `${VIEWS}/{id}`,
  operationId: "getView",
  summary: "A view",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask" },
  params: ZViewParams,
  success: { status: 200, schema: ZView },
});

export const updateViewEndpoint = defineEndpoint({
  method: "PATCH",
  path: `${VIEWS}/{id}`,
  operationId: "updateView",
  summary: "Change a view's name, filter, columns or masking",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  personalData: { masked: "mask", searchBy: { body: ["filter", "maskPersonalData"] } },
  params: ZViewParams,
  body: ZViewUpdate,
  success: { status: 200, schema: ZView },
});

export const deleteViewEndpoint = defineEndpoint({
  method: "DELETE",
  path: `${VIEWS}/{id}`,
  operationId: "deleteView",
  summary: "Delete a view (customers are not affected)",
  tag: TAG,
  access: { kind: "workspace", permission: "write" },
  params: ZViewParams,
  success: { status: 204, schema: null },
});

export const listViewCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: `${VIEWS}/{id}/customers`,
  operationId: "listViewCustomers",
  summary:
    "Customers matching the view, masked when the view masks personal data. Accept: text/csv exports the view's columns " +
    "(needs the write permission; up to 100,000 rows)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  personalData: { masked: "mask", searchBy: { query: ["sort"] } },
  params: ZViewParams,
  query: ZViewCustomersQuery,
  success: { status: 200, schema: ZPage(ZCustomerRead) },
  csv: { permission: "write" },
});
