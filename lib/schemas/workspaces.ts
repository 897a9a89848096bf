// Workspaces: one brand, country or test space; all customer data lives inside exactly one.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZUnmappedTrackEvents } from "./tracking";

/** A valid IANA time zone name for this runtime (the API and the database use the same tz database). */
function isTimeZone(value: string): boolean {
  // Offsets such as "+01:00" are accepted by newer engines but are not names reports can rely on.
  if (!/^[A-Za-z]/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** "europe/prague" → "Europe/Prague", so that equal zones are stored equally. */
function canonicalTimeZone(value: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return value;
  }
}

// Intl knows the ISO 4217 codes in use; older runtimes without supportedValuesOf fall back to the format check.
const knownCurrencies: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === "function" ? new Set(Intl.supportedValuesOf("currency")) : null;

export const ZTimezone = z
  .string()
  .trim()
  .refine(isTimeZone, "Must be an IANA time zone name such as Europe/Prague or UTC")
  .overwrite(canonicalTimeZone)
  .meta({ description: "IANA time zone name", examples: ["Europe/Prague"] });

export const ZCurrency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Must be a three-letter ISO 4217 currency code such as EUR")
  .refine(
    (code) => !knownCurrencies || knownCurrencies.has(code),
    "Must be an ISO 4217 currency code in use, such as EUR",
  )
  .meta({ description: "ISO 4217 currency code", examples: ["EUR"] });

export const ZSlug = z
  .string()
  .trim()
  .min(2, "Must be at least 2 characters")
  .max(50, "Must be at most 50 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Must be lowercase letters, digits and single hyphens (not at the start or end)")
  .meta({ description: "URL-friendly unique name", examples: ["acme-europe"] });

export const ZWorkspaceName = z.string().trim().min(1, "Must not be empty").max(100, "Must be at most 100 characters");

export const ZWorkspaceCreate = z
  .strictObject({
    name: ZWorkspaceName,
    slug: ZSlug.optional().meta({ description: "Derived from the name when omitted" }),
    timezone: ZTimezone.optional().meta({ description: "Default UTC" }),
    currency: ZCurrency.optional().meta({ description: "Default EUR" }),
  })
  .meta({ id: "WorkspaceCreate" });

export const ZWorkspaceUpdate = z
  .strictObject({
    name: ZWorkspaceName.optional(),
    slug: ZSlug.optional(),
    timezone: ZTimezone.optional(),
    currency: ZCurrency.optional(),
    unmappedTrackEvents: ZUnmappedTrackEvents.optional(),
  })
  .meta({ id: "WorkspaceUpdate" });

export const ZWorkspace = z
  .object({
    id: ZId,
    name: z.string(),
    slug: z.string(),
    timezone: z.string(),
    currency: z.string(),
    unmappedTrackEvents: ZUnmappedTrackEvents,
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "Workspace" });

export type WorkspaceCreate = z.infer<typeof ZWorkspaceCreate>;
export type WorkspaceUpdate = z.infer<typeof ZWorkspaceUpdate>;
export type Workspace = z.infer<typeof ZWorkspace>;

// ── Endpoints ──
export const listWorkspacesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces",
  operationId: "listWorkspaces",
  summary: "The workspaces the caller belongs to",
  tag: "Workspaces",
  access: { kind: "authenticated" },
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZWorkspace) },
});

export const createWorkspaceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces",
  operationId: "createWorkspace",
  summary: "Create a workspace; the signed-in user becomes its admin",
  tag: "Workspaces",
  access: { kind: "authenticated" },
  body: ZWorkspaceCreate,
  success: { status: 201, schema: ZWorkspace, location: true },
  errors: [409],
});

export const getWorkspaceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}",
  operationId: "getWorkspace",
  summary: "A workspace",
  tag: "Workspaces",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZWorkspace },
});

export const updateWorkspaceEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}",
  operationId: "updateWorkspace",
  summary: "Rename a workspace or change its slug, time zone or currency",
  tag: "Workspaces",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZWorkspaceUpdate,
  success: { status: 200, schema: ZWorkspace },
  errors: [409],
});

export const deleteWorkspaceEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}",
  operationId: "deleteWorkspace",
  summary: "Delete a workspace and all its data",
  tag: "Workspaces",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  success: { status: 204, schema: null },
});
