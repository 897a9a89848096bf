// The OpenAPI 3.1 document, generated from the endpoint contracts (never written by hand).
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from "zod-openapi";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { ZProblem } from "@/lib/schemas/common";
import { endpoints } from "@/lib/schemas/endpoints";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (e.g. the body is not valid JSON)",
  401: "No or invalid credentials",
  403: "Authenticated but not allowed",
  404: "Not found, or in a workspace the caller cannot access",
  409: "Conflict",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Validation failed; errors[].path names each bad field",
  429: "Rate limited; see Retry-After",
  500: "Unexpected error; quote requestId",
  503: "A dependency is unavailable",
};

function errorStatuses(endpoint: EndpointContract): number[] {
  const statuses = new Set<number>([500, ...(endpoint.errors ?? [])]);
  if (endpoint.access.kind !== "public") statuses.add(401);
  if (endpoint.access.kind === "workspace") [403, 404].forEach((s) => statuses.add(s));
  if (endpoint.params || endpoint.query || endpoint.body) statuses.add(422);
  if (endpoint.body || endpoint.rawBody) [400, 413, 415].forEach((s) => statuses.add(s));
  return [...statuses].sort();
}

function operationOf(endpoint: EndpointContract): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  const { status, schema, description } = endpoint.success;
  responses[String(status)] = {
    description: description ?? "Success",
    ...(schema ? { content: { "application/json": { schema } } } : {}),
    ...(endpoint.csv && schema
      ? { content: { "application/json": { schema }, "text/csv": { schema: z.string() } } }
      : {}),
  };
  for (const code of errorStatuses(endpoint)) {
    responses[String(code)] = {
      description: ERROR_DESCRIPTIONS[code] ?? "Error",
      content: { "application/problem+json": { schema: ZProblem } },
    };
  }
  const access = endpoint.access;
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    ...(access.kind === "public" ? { security: [] } : {}),
    ...(access.kind === "workspace"
      ? {
          description: `Requires the \`${access.permission}\` permission in the workspace${access.writeKey ? "; also accepts a source write key" : ""}.`,
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

export function buildOpenApiDocument(list: EndpointContract[] = endpoints) {
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of list) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase() as "get"] = operationOf(endpoint);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Atrium API",
      version: "1",
      description: "The REST API of Atrium, the open customer data platform. Every feature of the admin app is here.",
    },
    servers: [{ url: "/" }],
    security: [{ oauth2: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/oauth/token", scopes: {} } } },
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An OAuth2 access token, or a source write key (wk_…) on ingestion endpoints",
        },
      },
    },
    paths,
  });
}
