// Operations endpoints: health and the API's own description.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";

export const ZHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    database: z.enum(["ok", "unreachable"]),
  })
  .meta({ id: "Health" });

export const getHealthEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Service and database health",
  tag: "Operations",
  access: { kind: "public" },
  success: { status: 200, schema: ZHealth },
  errors: [503],
});

export const getOpenApiDocumentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This API's OpenAPI 3.1 document",
  tag: "Operations",
  access: { kind: "public" },
  success: { status: 200, schema: z.record(z.string(), z.unknown()).meta({ description: "OpenAPI 3.1 document" }) },
});
