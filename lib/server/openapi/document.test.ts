// The generated OpenAPI document is valid OpenAPI 3.1, and it describes exactly the routes that exist:
// every exported verb of every app/api route file has a contract, and every contract has its route.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/schemas/endpoints";
import { trackingEndpoints } from "@/lib/schemas/tracking-endpoints";
import { buildOpenApiDocument } from "./document";

const ROOT_DIR = path.resolve(import.meta.dirname, "../../..");
const API_DIR = path.join(ROOT_DIR, "app", "api");
const TRACKING_DIR = path.join(ROOT_DIR, "app", "v1");

/** Route files that are not API endpoints, each with its reason. */
const NOT_ENDPOINTS: Record<string, string> = {
  "app/api/[...path]/route.ts": "the catch-all that answers unknown /api paths with a 404 problem",
  "app/api/auth/[...nextauth]/route.ts": "NextAuth's own sign-in endpoints for the UI, not part of the REST API",
  "app/v1/[...path]/route.ts": "the catch-all that answers unknown /v1 paths with a 404 problem",
};

const HTTP_VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** The validator's own document type (OpenAPI 2, 3.0 or 3.1). */
type ApiDocument = Exclude<Parameters<typeof validate>[0], string>;

/** A fresh JSON copy: the validator dereferences in place, and the document must be plain JSON anyway. */
function documentAsJson(): ApiDocument {
  return JSON.parse(JSON.stringify(buildOpenApiDocument()));
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" || entry.name === "route.tsx" ? [full] : [];
  });
}

/** The HTTP verbs a route file exports: `export const GET`, `export async function GET`, `export { x as GET }`. */
function exportedVerbs(source: string): string[] {
  const verbs = new Set<string>();
  const verb = HTTP_VERBS.join("|");
  for (const match of source.matchAll(
    new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+(${verb})\\b`, "g"),
  ))
    verbs.add(match[1]);
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of list[1].split(",")) {
      const name =
        item
          .trim()
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim() ?? "";
      if ((HTTP_VERBS as readonly string[]).includes(name)) verbs.add(name);
    }
  }
  return [...verbs];
}

/** app/api/v1/workspaces/[ws]/route.ts → /api/v1/workspaces/{ws}; route groups "(name)" are not in the URL. */
function urlPathOf(routeFile: string): string {
  const segments = path.relative(path.join(ROOT_DIR, "app"), path.dirname(routeFile)).split(path.sep);
  return `/${segments
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
    .join("/")}`;
}

function routesOnDisk(): string[] {
  return [...routeFiles(API_DIR), ...routeFiles(TRACKING_DIR)]
    .filter((file) => !(path.relative(ROOT_DIR, file).split(path.sep).join("/") in NOT_ENDPOINTS))
    .flatMap((file) => exportedVerbs(readFileSync(file, "utf8")).map((verb) => `${verb} ${urlPathOf(file)}`))
    .sort();
}

const contracts = () =>
  [...endpoints, ...trackingEndpoints].map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();

type Json = Record<string, unknown>;
const isRef = (schema: unknown) => typeof (schema as Json | undefined)?.$ref === "string";

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const document = documentAsJson();
    expect(document).toMatchObject({ openapi: "3.1.0" });
    const result = await validate(document);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
  }, 30_000);

  it("is rejected by the validator when broken (so the check above can fail)", async () => {
    const document = documentAsJson();
    const [firstPath] = Object.keys(document.paths ?? {});
    const item = document.paths?.[firstPath] as Record<string, unknown>;
    const [firstMethod] = Object.keys(item);
    item[firstMethod] = { ...(item[firstMethod] as object), responses: { 200: { content: {} } } };
    const result = await validate(document);
    expect(result.valid).toBe(false);
  }, 30_000); // the validator takes seconds on the shared machine

  it("has one operation per contract, with unique operation ids", () => {
    const document = documentAsJson();
    const operations = Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
      Object.keys(item ?? {})
        .filter((key) => (HTTP_VERBS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${url}`),
    );
    expect(operations.sort()).toEqual(contracts());
    const ids = [...endpoints, ...trackingEndpoints].map((endpoint) => endpoint.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it("names every JSON request body and success body, so that a generated client has a type name for each", () => {
    const document = documentAsJson() as unknown as { paths: Record<string, Record<string, Json>> };
    // Free-form documents (the OpenAPI document itself, an export of one customer's data) have no shape to name.
    const FREE_FORM = new Set(["getOpenApiDocument", "getDataRequestExport"]);
    const inline: string[] = [];
    for (const item of Object.values(document.paths))
      for (const operation of Object.values(item)) {
        const id = operation.operationId as string;
        const body = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
        // A raw body (a shop's signed webhook) is documented as a string: read by its handler, not by a client.
        const request = body?.["application/json"]?.schema as Json | undefined;
        if (request && !isRef(request) && request.type !== "string") inline.push(`${id} request`);
        for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
          const json = (response.content as Record<string, Json> | undefined)?.["application/json"];
          if (status.startsWith("2") && json && !isRef(json.schema) && !FREE_FORM.has(id))
            inline.push(`${id} ${status}`);
        }
      }
    expect(inline).toEqual([]);
  });

  it("types the items of every batch (they are parsed one by one, but documented as their write schema)", () => {
    const schemas = (documentAsJson() as unknown as { components: { schemas: Record<string, Json> } }).components
      .schemas;
    const itemsOf = (name: string, key: string) =>
      ((schemas[name].properties as Record<string, Json>)[key].items as Json).$ref;
    expect(itemsOf("EventBatch", "events")).toBe("#/components/schemas/EventWrite");
    expect(itemsOf("CustomerBatch", "customers")).toBe("#/components/schemas/CustomerWrite");
    expect(itemsOf("SendFeedbackBatch", "notifications")).toBe("#/components/schemas/SendFeedbackNotification");
    expect(itemsOf("SegmentBatch", "batch")).toBe("#/components/schemas/SegmentMessage");
    expect(itemsOf("CustomerBatchResult", "results")).toBe("#/components/schemas/CustomerBatchItemResult");
  });

  it("documents the Segment-compatible API under the writeKey (HTTP Basic) scheme", () => {
    const document = documentAsJson() as unknown as {
      paths: Record<string, Record<string, Json>>;
      components: { securitySchemes: Record<string, Json> };
    };
    expect(document.components.securitySchemes.writeKey).toMatchObject({ type: "http", scheme: "basic" });
    expect(document.paths["/v1/batch"].post.security).toEqual([{ writeKey: [] }]);
    expect(Object.keys(document.paths["/v1/t"].post.requestBody as Json)).toContain("content");
  });
});

describe("the endpoint contracts", () => {
  it("read route files the way Next.js routes them", () => {
    const file = path.join(API_DIR, "v1", "workspaces", "[ws]", "(group)", "customers", "[id]", "route.ts");
    expect(urlPathOf(file)).toBe("/api/v1/workspaces/{ws}/customers/{id}");
    const source = [
      "export const GET = route(a, h);",
      "export async function POST() {}",
      "const h = 1;",
      "export { h as PATCH, h as helper };",
    ].join("\n");
    expect(exportedVerbs(source).sort()).toEqual(["GET", "PATCH", "POST"]);
  });

  it("find the routes that are known to exist", () => {
    // Guards the walk itself: a walk that finds nothing would make the comparison below pass vacuously.
    expect(routesOnDisk()).toEqual(expect.arrayContaining(["GET /api/health", "GET /api/v1/openapi.json"]));
  });

  it("cover every verb of every route file", () => {
    const missing = routesOnDisk().filter((route) => !contracts().includes(route));
    expect(missing, "route files whose verbs have no contract in lib/schemas/endpoints.ts").toEqual([]);
  });

  it("each have a route file that exports their verb", () => {
    const missing = contracts().filter((contract) => !routesOnDisk().includes(contract));
    expect(missing, "contracts with no route file (or the file does not export the verb)").toEqual([]);
  });
});
