// The OpenAPI 3.1 document, generated from the endpoint contracts (never written by hand).
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import { rateLimitsOf, type EndpointContract } from "@/lib/schemas/endpoint";
import { ZProblem } from "@/lib/schemas/common";
import { endpoints } from "@/lib/schemas/endpoints";
import { trackingEndpoints, type TrackingEndpoint } from "@/lib/schemas/tracking-endpoints";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (e.g. the body is not valid JSON)",
  401: "No or invalid credentials",
  403: "Authenticated but not allowed (e.g. a write key outside ingestion, or an API client creating a workspace)",
  404: "Not found, or in a workspace the caller cannot access",
  409: "Conflict",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Validation failed; errors[].path names each bad field",
  429: "Rate limited (too many failed authentications from the address, or the endpoint's own limit); see Retry-After",
  500: "Unexpected error; quote requestId",
  503: "A dependency is unavailable",
};

// Headers every response carries, and those of particular answers.
const REQUEST_ID_HEADER = {
  description: "The request's id (the caller's X-Request-Id when it is a sane token); quote it when reporting",
  schema: { type: "string" as const },
};
const HEADERS = {
  "X-Request-Id": REQUEST_ID_HEADER,
};
const LOCATION_HEADER = {
  description: "Path of the created resource",
  schema: { type: "string" as const },
};
const RETRY_AFTER_HEADER = {
  description: "Seconds after which the request may be retried",
  schema: { type: "string" as const },
};
const WWW_AUTHENTICATE_HEADER = {
  description: 'The scheme to authenticate with: Bearer realm="atrium" (a write key\'s endpoints: Basic)',
  schema: { type: "string" as const },
};
// docs/api.md, "Rate limits": sent on every response of an endpoint with its own limit (ingestion,
// exports) and on refusals and failed authentications.
const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Points of the tightest limit in its window", schema: { type: "string" as const } },
  "RateLimit-Remaining": { description: "Points left in the window", schema: { type: "string" as const } },
  "RateLimit-Reset": { description: "Seconds until the window ends", schema: { type: "string" as const } },
  "RateLimit-Policy": { description: '"<limit>;w=<window seconds>"', schema: { type: "string" as const } },
};
/** An endpoint with its own limit: ingestion (items per write key or caller) or exports (per caller). */
const hasOwnLimit = (endpoint: EndpointContract) => {
  const own = rateLimitsOf(endpoint);
  return own.ingest || own.export !== null;
};
const CONTENT_DISPOSITION_HEADER = {
  description: 'With text/csv: attachment; filename="…"',
  schema: { type: "string" as const },
};

function errorHeaders(code: number) {
  if (code === 429) return { ...HEADERS, "Retry-After": RETRY_AFTER_HEADER, ...RATE_LIMIT_HEADERS };
  if (code === 503) return { ...HEADERS, "Retry-After": RETRY_AFTER_HEADER };
  if (code === 401) return { ...HEADERS, "WWW-Authenticate": WWW_AUTHENTICATE_HEADER };
  return HEADERS;
}

function errorStatuses(endpoint: EndpointContract): number[] {
  // 503: the database is unreachable (answered quickly, with Retry-After).
  const statuses = new Set<number>([500, 503, ...(endpoint.errors ?? [])]);
  // 429: a sent credential counts against its address's failed-authentication limit (lib/server/limits).
  if (endpoint.access.kind !== "public") [401, 403, 429].forEach((s) => statuses.add(s));
  if (hasOwnLimit(endpoint)) statuses.add(429);
  if (endpoint.access.kind === "workspace") [403, 404].forEach((s) => statuses.add(s));
  // 422 everywhere: unknown query parameters are refused even where none is defined.
  statuses.add(422);
  if (endpoint.body || endpoint.rawBody) [400, 413, 415].forEach((s) => statuses.add(s));
  return [...statuses].sort();
}

function operationOf(endpoint: EndpointContract): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  const { status, schema, description } = endpoint.success;
  // JSON and CSV are two media types of one response: the JSON schema for one, text for the other.
  const content = schema
    ? {
        "application/json": { schema },
        ...(endpoint.csv ? { "text/csv": { schema: z.string().meta({ description: "CSV, header row first" }) } } : {}),
      }
    : endpoint.success.mediaType
      ? { [endpoint.success.mediaType]: { schema: z.string().meta({ description: description ?? "Not JSON" }) } }
      : undefined;
  const successHeaders = {
    ...HEADERS,
    ...(endpoint.csv ? { "Content-Disposition": CONTENT_DISPOSITION_HEADER } : {}),
    ...(hasOwnLimit(endpoint) ? RATE_LIMIT_HEADERS : {}),
  };
  responses[String(status)] = {
    description: description ?? "Success",
    headers: { ...successHeaders, ...(endpoint.success.location ? { Location: LOCATION_HEADER } : {}) },
    ...(content ? { content } : {}),
  };
  for (const other of endpoint.success.also ?? []) {
    responses[String(other.status)] = {
      description: other.description,
      headers: successHeaders,
      ...(content ? { content } : {}),
    };
  }
  for (const code of errorStatuses(endpoint)) {
    responses[String(code)] = {
      description: ERROR_DESCRIPTIONS[code] ?? "Error",
      headers: errorHeaders(code),
      content: {
        "application/problem+json": { schema: ZProblem },
        // A page people open from an e-mail explains its errors as a page too.
        ...(endpoint.success.mediaType === "text/html"
          ? { "text/html": { schema: z.string().meta({ description: "An HTML page saying what went wrong" }) } }
          : {}),
      },
    };
  }
  const access = endpoint.access;
  const masking = maskingNote(endpoint);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(access.kind === "public" ? { security: [] } : {}),
    ...(access.kind === "workspace"
      ? {
          description: `Requires the \`${access.permission}\` permission in the workspace${access.writeKey ? "; also accepts a source write key" : ""}.${masking}`,
        }
      : {}),
    requestParams: {
      ...(endpoint.params ? { path: endpoint.params as z.ZodObject } : {}),
      ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
    },
    ...(endpoint.body
      ? { requestBody: { required: true, content: { "application/json": { schema: endpoint.body } } } }
      : {}),
    ...(endpoint.rawBody
      ? {
          requestBody: {
            required: true,
            description: endpoint.rawBody.description,
            content: { [endpoint.rawBody.contentType]: { schema: z.string() } },
          },
        }
      : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

/** What a caller who sees personal data masked gets here (EndpointContract.personalData). */
function maskingNote(endpoint: EndpointContract): string {
  const personal = endpoint.personalData;
  if (!personal) return "";
  if (personal.masked === "refuse") return " A caller who sees personal data masked gets 403: this has no masked form.";
  const inputs = [...(personal.searchBy?.query ?? []), ...(personal.searchBy?.body ?? [])];
  return (
    " Personal data is masked for a caller who sees it masked (maskPersonalData)" +
    (inputs.length ? `, who may not search by ${inputs.join(", ")} (403).` : ".")
  );
}

function problemResponse(code: number): ZodOpenApiResponseObject {
  return {
    description: ERROR_DESCRIPTIONS[code] ?? "Error",
    headers: errorHeaders(code),
    content: { "application/problem+json": { schema: ZProblem } },
  };
}

/** A Segment-compatible /v1 operation: write-key auth, a JSON body under any Content-Type, Segment's answers. */
function trackingOperationOf(endpoint: TrackingEndpoint): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {
    [endpoint.success.status]: {
      description: endpoint.success.description,
      headers: HEADERS,
      content: { "application/json": { schema: endpoint.success.schema } },
    },
  };
  for (const code of [...new Set([401, 500, 503, ...endpoint.errors])].sort()) responses[code] = problemResponse(code);
  const limit = endpoint.bodyLimit ? ` Body limit ${endpoint.bodyLimit} bytes.` : "";
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: ["Tracking (Segment-compatible)"],
    description: endpoint.keyInPath
      ? "The write key in the path names the source."
      : `Authenticated by a source write key: \`Authorization: Basic base64(writeKey + ":")\`, or \`writeKey\` in the body. Any Content-Type is read as JSON (text/plain from browsers and sendBeacon).${limit} CORS follows the source's allowed origins.`,
    security: endpoint.keyInPath ? [] : [{ writeKey: [] }],
    ...(endpoint.params ? { requestParams: { path: endpoint.params } } : {}),
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: endpoint.body },
              "text/plain": { schema: endpoint.body },
            },
          },
        }
      : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

export function buildOpenApiDocument(
  list: EndpointContract[] = endpoints,
  tracking: TrackingEndpoint[] = trackingEndpoints,
) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of list) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase() as "get"] = operationOf(endpoint);
  }
  for (const endpoint of tracking) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase() as "get"] = trackingOperationOf(endpoint);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Atrium API",
      version: "1",
      description: "The REST API of Atrium, the open customer data platform. Every feature of the admin app is here.",
    },
    servers: [{ url: "/" }],
    tags: [
      ...[...new Set(list.map((endpoint) => endpoint.tag))].sort().map((name) => ({ name })),
      ...(tracking.length > 0
        ? [
            {
              name: "Tracking (Segment-compatible)",
              description:
                "Segment's tracking API at /v1, so that Segment's libraries work with only their host changed",
            },
          ]
        : []),
    ],
    security: [{ oauth2: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/oauth/token", scopes: {} } } },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An OAuth2 access token, or a source write key (wk_…) on ingestion endpoints",
        },
        writeKey: {
          type: "http",
          scheme: "basic",
          description:
            'A source write key as the user name and an empty password, Segment\'s way: Authorization: Basic base64(writeKey + ":")',
        },
      },
    },
    paths,
  });
}
