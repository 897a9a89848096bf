// Every kind of bad input, sent to every endpoint that takes it: the answer is a 4xx problem naming the
// field, never a 5xx. The list comes from the endpoint registry, so a new endpoint is covered by itself.
import { describe, expect, it } from "vitest";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import { MAX_JSON_DEPTH } from "@/lib/schemas/input-rules";
import { memberSession } from "./auth-fixtures";
import { createTestWorkspace } from "./fixtures";
import { handlerOf } from "./route-modules";

interface Problem {
  status: number;
  code?: string;
  errors?: { path: string; message: string }[];
}

/** JSON text nested `levels` deep, written without recursion (JSON.stringify of it could overflow). */
function deepJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

async function send(
  endpoint: EndpointContract,
  ws: string,
  headers: Record<string, string>,
  options: { body?: string; query?: string },
): Promise<{ status: number; type: string; body: Problem }> {
  const params: Record<string, string> = {};
  for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) params[name] = name === "ws" ? ws : crypto.randomUUID();
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const hasBody = endpoint.method !== "GET" && endpoint.method !== "DELETE";
  const req = new Request(`http://atrium.test${path}${options.query ? `?${options.query}` : ""}`, {
    method: endpoint.method,
    headers: { ...headers, ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? (options.body ?? "{}") : undefined,
  });
  const res = await (await handlerOf(endpoint))(req, { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: text ? JSON.parse(text) : {} };
}

const withBody = endpoints.filter((e) => e.body);
const named = (e: EndpointContract) => `${e.method} ${e.path}`;

async function admin() {
  const ws = (await createTestWorkspace("Bad input")).id;
  return { ws, headers: await memberSession(ws, "ADMIN") };
}

function expectNamed(res: { status: number; type: string; body: Problem }, path: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.type).toContain("application/problem+json");
  expect(res.body.errors?.map((e) => e.path)).toContain(path);
}

describe.each(withBody.map((e) => [named(e), e] as const))("body of %s", (_, endpoint) => {
  it("refuses NUL, lone surrogates, deep nesting and unknown fields, naming them", async () => {
    const { ws, headers } = await admin();
    // The batch checks its items one by one: there, the bad item is rejected in the results.
    const wrap = (inner: string) =>
      endpoint.itemsKey ? `{"${endpoint.itemsKey}":[],"zz":${inner}}` : `{"zz":${inner}}`;
    expectNamed(await send(endpoint, ws, headers, { body: wrap('"a\\u0000b"') }), "zz");
    expectNamed(await send(endpoint, ws, headers, { body: wrap('"\\ud800"') }), "zz");
    expectNamed(await send(endpoint, ws, headers, { body: '{"k\\udc00":1}' }), "k\udc00");
    const deep = await send(endpoint, ws, headers, { body: wrap(deepJson(5_000)) });
    expect(deep.status).toBe(422);
    expect(deep.body.errors?.[0].path.split(".")).toHaveLength(MAX_JSON_DEPTH);
    // A body that is a merge patch (a free record) is checked against the patched document instead.
    if (endpoint.operationId !== "updateCustomer") {
      const unknown = await send(endpoint, ws, headers, { body: wrap("1") });
      expect(unknown.status).toBeGreaterThanOrEqual(400);
      expect(unknown.status).toBeLessThan(500);
    }
  });
});

describe.each(endpoints.map((e) => [named(e), e] as const))("query of %s", (_, endpoint) => {
  it("refuses unknown parameters and unstorable text, naming them, never a 5xx", async () => {
    const { ws, headers } = await admin();
    const unknown = await send(endpoint, ws, headers, { query: "emial=ada%40example.com" });
    expectNamed(unknown, "query.emial");
    expectNamed(await send(endpoint, ws, headers, { query: "limit=%00" }), "query.limit");
    // An encoded surrogate is not UTF-8: URL decoding makes it U+FFFD, text like any other.
    const replaced = await send(endpoint, ws, headers, { query: "cursor=%ED%A0%80" });
    expect(replaced.status).toBeGreaterThanOrEqual(400);
    expect(replaced.status).toBeLessThan(500);
  });
});

describe("dates out of range", () => {
  const cases: [string, string, string][] = [
    ["listEvents", "from=0000-01-01T00:00:00Z", "query.from"],
    ["listAuditEntries", "to=9999-12-31T00:00:00Z", "query.to"],
    ["getGrowthReport", "from=0001-01-01&to=0001-01-31", "query.from"],
    ["getEventTrendsReport", "from=2025-01-01&to=2300-01-01", "query.to"],
  ];
  it.each(cases)("%s?%s names %s", async (operationId, query, path) => {
    const endpoint = endpoints.find((e) => e.operationId === operationId);
    expect(endpoint, operationId).toBeDefined();
    const { ws, headers } = await admin();
    const res = await send(endpoint!, ws, headers, { query });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toContain(path);
  });
});

describe("poison events", () => {
  it("are rejected one by one while the good events of their batch are stored", async () => {
    const { ws, headers } = await admin();
    const batch = endpoints.find((e) => e.operationId === "createEventBatch")!;
    const good = (n: number) => JSON.stringify({ type: "viewedPage", anonymousId: `v-${n}`, properties: { n } });
    const items = [
      good(0),
      '{"type":"viewedPage","anonymousId":"v-x","occurredAt":"0000-01-01T00:00:00Z"}',
      '{"type":"viewedPage","anonymousId":"v-x","sentAt":"9999-12-31T23:59:59Z"}',
      `{"type":"viewedPage","anonymousId":"v-x","properties":{"deep":${deepJson(5_000)}}}`,
      '{"type":"viewedPage","anonymousId":"v-x","properties":{"title":"a\\u0000b"}}',
      '{"type":"viewedPage","anonymousId":"\\ud800"}',
      good(1),
    ];
    const res = await send(batch, ws, headers, { body: `{"events":[${items.join(",")}]}` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as unknown as {
      accepted: number;
      results: { index: number; status: string; errors?: { path: string }[] }[];
    };
    expect(body.accepted).toBe(2);
    expect(body.results.map((r) => r.status)).toEqual([
      "created",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "created",
    ]);
    expect(body.results[1].errors?.[0].path).toBe("occurredAt");
    expect(body.results[2].errors?.[0].path).toBe("sentAt");
    expect(body.results[3].errors?.[0].path.startsWith("properties.deep.a.a")).toBe(true);
    expect(body.results[4].errors?.[0].path).toBe("properties.title");
    expect(body.results[5].errors?.[0].path).toBe("anonymousId");
  });

  it("sent alone are a 422 naming the field", async () => {
    const { ws, headers } = await admin();
    const single = endpoints.find((e) => e.operationId === "createEvent")!;
    const res = await send(single, ws, headers, {
      body: '{"type":"viewedPage","anonymousId":"v","occurredAt":"0000-01-01T00:00:00Z"}',
    });
    expectNamed(res, "occurredAt");
  });
});
