// An endpoint contract: method, path, who may call it and the zod schemas of its inputs and output.
// Contracts are isomorphic: the route wrapper enforces them, the OpenAPI document is generated from
// them, the typed client calls them, and the permission matrix test enumerates them.
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What the caller must be allowed to do in the workspace (docs/api.md, Roles and permissions). */
export type Permission = "read" | "write" | "admin" | "consentHistory";

export type Access =
  /** No authentication (health, the OpenAPI document). */
  | { kind: "public" }
  /** Any signed-in user or API client, outside a workspace (e.g. /me, listing workspaces). */
  | { kind: "authenticated" }
  /** A member of the `{ws}` workspace with this permission; `writeKey` also admits its sources' write keys. */
  | { kind: "workspace"; permission: Permission; writeKey?: boolean };

/**
 * How an endpoint whose answer carries personal data treats a caller who sees personal data masked
 * (Membership.maskPersonalData; docs/security.md, Masking by role). The server enforces it in the route
 * wrapper (lib/server/http/mask-response.ts), so no handler can forget it.
 */
export interface PersonalData {
  /** "mask": the answer (JSON and CSV) is masked, shapes kept valid; "refuse": it has no masked form (403). */
  masked: "mask" | "refuse";
  /**
   * Inputs that look customers up by a personal value: refused (403 naming the parameter) for such a caller,
   * since a match would reveal the value. A `filter` input is refused only where it tests a masked field.
   */
  searchBy?: { query?: readonly string[]; body?: readonly string[] };
}

export interface EndpointContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType | null = z.ZodType | null,
  A extends Access = Access,
> {
  method: HttpMethod;
  /** OpenAPI-style path, e.g. /api/v1/workspaces/{ws}/customers/{id}. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** A top-level body key holding an array whose items the service checks one by one (a batch's events). */
  itemsKey?: string;
  /** A body the handler reads itself, unparsed (a CSV file, a signed webhook): documented, not validated here. */
  rawBody?: { contentType: string; description: string };
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Success status and body schema; `null` schema for an empty body (204). */
  success: {
    status: number;
    schema: R;
    description?: string;
    /** Other success statuses answered with the same body (e.g. 200 for a duplicate of a 201). */
    also?: { status: number; description: string }[];
    /** The main status carries a Location header naming the created resource. */
    location?: boolean;
    /** With a null schema: the media type of a body that is not JSON (an HTML page, an image). */
    mediaType?: string;
  };
  /** Error statuses this endpoint may answer besides 400/401/403/404/422/500. */
  errors?: number[];
  /**
   * Also answers text/csv when the Accept header prefers it (lib/server/http/negotiate.ts). Taking data away
   * as a file can need more than reading it: `permission` is what the caller must hold for the CSV.
   */
  csv?: { permission: Permission };
  /** The answer carries personal data: what a caller who sees it masked gets (see PersonalData). */
  personalData?: PersonalData;
  /**
   * A download that counts against the caller's export limit (lib/server/limits). CSV answers of `csv`
   * contracts count too; write-key (ingestion) contracts always have the ingestion limit.
   */
  rateLimit?: "export";
}

/** The rate limits an endpoint applies (docs/api.md, "Rate limits"): the OpenAPI document lists their headers. */
export function rateLimitsOf(contract: EndpointContract): { ingest: boolean; export: "always" | "csv" | null } {
  const ingest = contract.access.kind === "workspace" && contract.access.writeKey === true;
  const exportLimit = contract.rateLimit === "export" ? "always" : contract.csv ? "csv" : null;
  return { ingest, export: exportLimit };
}

export function defineEndpoint<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType | null,
  const A extends Access,
>(contract: EndpointContract<P, Q, B, R, A>): EndpointContract<P, Q, B, R, A> {
  return contract;
}

export function isEndpoint(value: unknown): value is EndpointContract {
  return (
    typeof value === "object" && value !== null && "operationId" in value && "access" in value && "method" in value
  );
}
