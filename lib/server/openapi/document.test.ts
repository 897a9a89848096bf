// The generated OpenAPI document is valid OpenAPI 3.1, and it describes exactly the routes that exist:
// every exported verb of every app/api route file has a contract, and every contract has its route.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/schemas/endpoints";
import { buildOpenApiDocument } from "./document";

const ROOT_DIR = path.resolve(import.meta.dirname, "../../..");
const API_DIR = path.join(ROOT_DIR, "app", "api");

/** Route files that are not API endpoints, each with its reason. */
const NOT_ENDPOINTS: Record<string, string> = {
  "app/api/[...path]/route.ts": "the catch-all that answers unknown /api paths with a 404 problem",
  "app/api/auth/[...nextauth]/route.ts": "NextAuth's own sign-in endpoints for the UI, not part of the REST API",
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
  return routeFiles(API_DIR)
    .filter((file) => !(path.relative(ROOT_DIR, file).split(path.sep).join("/") in NOT_ENDPOINTS))
    .flatMap((file) => exportedVerbs(readFileSync(file, "utf8")).map((verb) => `${verb} ${urlPathOf(file)}`))
    .sort();
}

const contracts = () => endpoints.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const document = documentAsJson();
    expect(document).toMatchObject({ openapi: "3.1.0" });
    const result = await validate(document);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.specification).toBe("OpenAPI");
  });

  it("is rejected by the validator when broken (so the check above can fail)", async () => {
    const document = documentAsJson();
    const [firstPath] = Object.keys(document.paths ?? {});
    const item = document.paths?.[firstPath] as Record<string, unknown>;
    const [firstMethod] = Object.keys(item);
    item[firstMethod] = { ...(item[firstMethod] as object), responses: { 200: { content: {} } } };
    const result = await validate(document);
    expect(result.valid).toBe(false);
  });

  it("has one operation per contract, with unique operation ids", () => {
    const document = documentAsJson();
    const operations = Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
      Object.keys(item ?? {})
        .filter((key) => (HTTP_VERBS as readonly string[]).includes(key.toUpperCase()))
        .map((method) => `${method.toUpperCase()} ${url}`),
    );
    expect(operations.sort()).toEqual(contracts());
    const ids = endpoints.map((endpoint) => endpoint.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
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
