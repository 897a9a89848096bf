// GET /api/v1/openapi.json — the OpenAPI 3.1 document generated from the endpoint contracts.
import { getOpenApiDocumentEndpoint } from "@/lib/schemas/operations";
import { route } from "@/lib/server/http/route";
import { buildOpenApiDocument } from "@/lib/server/openapi/document";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = route(getOpenApiDocumentEndpoint, async () => {
  cached ??= buildOpenApiDocument();
  return cached as unknown as Record<string, unknown>;
});
