// Sources: where data comes from. Each has a write key that authorises ingestion only.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";

export const ZSourceType = z
  .enum(["web", "mobile", "ecommerce", "retail", "crm", "api", "shopify", "woocommerce"])
  .meta({ id: "SourceType", description: "Kind of source; shopify and woocommerce receive the shop's webhooks" });

/** Source types whose data arrives as signed shop webhooks (POST /api/v1/integrations/{type}/{sourceId}). */
export const SHOP_SOURCE_TYPES = ["shopify", "woocommerce"] as const;
export type ShopSourceType = (typeof SHOP_SOURCE_TYPES)[number];
export function isShopSourceType(type: string | undefined | null): type is ShopSourceType {
  return (SHOP_SOURCE_TYPES as readonly string[]).includes(type ?? "");
}

const ZSigningSecret = z
  .string()
  .min(8, "Must be at least 8 characters")
  .max(512, "Must be at most 512 characters")
  .meta({
    description:
      "The shop's webhook signing secret (Shopify: the app's client secret; WooCommerce: the webhook's secret). Stored encrypted, never shown again",
    writeOnly: true,
  });

/** Write keys are checked against the browser's Origin header, which is always a bare origin. */
function isBareOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    !url.username &&
    !url.password &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash &&
    !value.endsWith("?") &&
    !value.endsWith("#")
  );
}

export const ZOrigin = z
  .string()
  .trim()
  .max(2048)
  .refine(isBareOrigin, "Must be an http(s) origin such as https://shop.example.com (no path, query or fragment)")
  // "https://Shop.example.com/" → "https://shop.example.com", the form browsers send.
  .overwrite((value) => (isBareOrigin(value) ? new URL(value).origin : value))
  .meta({ examples: ["https://shop.example.com"] });

const ZSourceName = z.string().trim().min(1, "Must not be empty").max(100, "Must be at most 100 characters");
const ZAllowedOrigins = z
  .array(ZOrigin)
  .max(100, "At most 100 origins")
  .meta({ description: "Browser origins allowed to use the write key; empty = any" });
const ZPriority = z.int32().meta({ description: "Used by the `priority` merge policy: higher wins" });
const ZRateLimitPerMinute = z.int().min(1, "Must be at least 1").max(10_000_000, "At most 10000000").nullable().meta({
  description:
    "Events (or customers) per minute this source's write key may send; null = the installation's default (ATRIUM_RATE_LIMIT_INGEST, 60000 a minute)",
});

export const ZSourceCreate = z
  .strictObject({
    name: ZSourceName,
    type: ZSourceType.optional().meta({ description: "Default api" }),
    allowedOrigins: ZAllowedOrigins.optional(),
    priority: ZPriority.optional(),
    rateLimitPerMinute: ZRateLimitPerMinute.optional(),
    signingSecret: ZSigningSecret.optional(),
  })
  .superRefine((source, ctx) => {
    if (isShopSourceType(source.type) && !source.signingSecret) {
      ctx.addIssue({
        code: "custom",
        path: ["signingSecret"],
        message: `A ${source.type} source needs the shop's signing secret`,
      });
    }
    if (!isShopSourceType(source.type) && source.signingSecret) {
      ctx.addIssue({
        code: "custom",
        path: ["signingSecret"],
        message: "Only shopify and woocommerce sources take a signing secret",
      });
    }
  })
  .meta({ id: "SourceCreate" });

export const ZSourceUpdate = z
  .strictObject({
    name: ZSourceName.optional(),
    type: ZSourceType.optional(),
    allowedOrigins: ZAllowedOrigins.optional(),
    priority: ZPriority.optional(),
    rateLimitPerMinute: ZRateLimitPerMinute.optional(),
    signingSecret: ZSigningSecret.optional().meta({ description: "Replaces the shop's signing secret (shop sources)" }),
  })
  .meta({ id: "SourceUpdate" });

export const ZSource = z
  .object({
    id: ZId,
    name: z.string(),
    type: ZSourceType,
    allowedOrigins: z.array(z.string()),
    priority: z.number().int(),
    rateLimitPerMinute: z.number().int().nullable().meta({ description: "Null: the installation's default" }),
    writeKeyPrefix: z.string().meta({ description: "First characters of the write key, to recognise it" }),
    webhookUrl: z
      .string()
      .nullable()
      .meta({ description: "Shop sources: the URL to paste into the shop's webhook settings; null otherwise" }),
    hasSigningSecret: z.boolean().meta({ description: "Whether a signing secret is stored (it is never shown)" }),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "Source" });

/** The answer to creating a source or rotating its key: the only time the write key is shown. */
export const ZSourceWithWriteKey = ZSource.extend({
  writeKey: z.string().meta({ description: "The write key (wk_…); shown once, store it now" }),
}).meta({ id: "SourceWithWriteKey" });

export type SourceType = z.infer<typeof ZSourceType>;
export type SourceCreate = z.infer<typeof ZSourceCreate>;
export type SourceUpdate = z.infer<typeof ZSourceUpdate>;
export type Source = z.infer<typeof ZSource>;
export type SourceWithWriteKey = z.infer<typeof ZSourceWithWriteKey>;

// ── Endpoints ──
const ZSourceParams = ZWorkspaceParams.extend({ id: ZId });

export const listSourcesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/sources",
  operationId: "listSources",
  summary: "Sources of the workspace",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZSource) },
});

/** What every member may know of a source: enough to name it where data came from (no key, no origins). */
export const ZSourceLabel = z
  .object({ id: ZId, name: z.string(), type: ZSourceType })
  .meta({ id: "SourceName", description: "A source's id, name and type, readable by every member" });
export type SourceLabel = z.infer<typeof ZSourceLabel>;

/** Workspaces hold a handful of sources; the list is capped so that one answer always holds them all. */
export const SOURCE_NAMES_LIMIT = 1000;

export const listSourceNamesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/sources/names",
  operationId: "listSourceNames",
  summary: "The names of the workspace's sources (for every member, to show where data came from)",
  tag: "Sources",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: {
    status: 200,
    schema: z.object({ data: z.array(ZSourceLabel).max(SOURCE_NAMES_LIMIT) }).meta({ id: "SourceNameList" }),
  },
});

export const createSourceEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/sources",
  operationId: "createSource",
  summary: "Create a source; the answer holds its write key, once",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZSourceCreate,
  success: { status: 201, schema: ZSourceWithWriteKey },
});

export const getSourceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/sources/{id}",
  operationId: "getSource",
  summary: "A source",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZSourceParams,
  success: { status: 200, schema: ZSource },
});

export const updateSourceEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}/sources/{id}",
  operationId: "updateSource",
  summary: "Rename a source or change its type, allowed origins, priority or ingestion rate limit",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZSourceParams,
  body: ZSourceUpdate,
  success: { status: 200, schema: ZSource },
});

export const deleteSourceEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/sources/{id}",
  operationId: "deleteSource",
  summary: "Delete a source (its write key stops working)",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZSourceParams,
  success: { status: 204, schema: null },
  errors: [409],
});

export const rotateWriteKeyEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/sources/{id}/write-key",
  operationId: "rotateWriteKey",
  summary: "Replace the source's write key; the old one stops working at once",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  params: ZSourceParams,
  success: { status: 200, schema: ZSourceWithWriteKey },
});
