// The route wrapper's HTTP conventions (docs/api.md): validation with field paths, body limits and types,
// problem+json for every failure, request ids, and who may call a workspace endpoint. The endpoints are
// made here, so these tests hold whatever the real endpoints do.
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ZWorkspaceParams } from "@/lib/schemas/common";
import { defineEndpoint } from "@/lib/schemas/endpoint";
import { db } from "@/lib/server/db/client";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import { createTestWorkspace } from "@/test/fixtures";
import { MiB } from "./body";
import { AppError, type ErrorCode } from "@/lib/server/core/errors";
import { ERROR_STATUS } from "./error-status";
import { log } from "@/lib/server/log";
import { Reply, route } from "./route";

type Handler = ReturnType<typeof route>;

const ZThing = z.object({ id: z.string(), name: z.string(), email: z.string(), limit: z.number().nullable() });

const createThing = defineEndpoint({
  method: "POST",
  path: "/test/things/{id}",
  operationId: "testCreateThing",
  summary: "Test endpoint with path, query and body",
  tag: "Test",
  access: { kind: "public" },
  params: z.object({ id: z.string().regex(/^t-\d+$/) }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(10).optional() }),
  body: z.object({ name: z.string().min(1), base: z.object({ contacts: z.object({ email: z.email() }) }) }),
  success: { status: 201, schema: ZThing },
});

const postThing = route(createThing, async ({ params, query, body }) => {
  return new Reply(
    { id: params.id, name: body.name, email: body.base.contacts.email, limit: query.limit ?? null },
    201,
    {
      location: `/test/things/${params.id}`,
    },
  );
});

const batchUpload = defineEndpoint({
  method: "POST",
  path: "/test/batch",
  operationId: "testBatch",
  summary: "Test endpoint with the batch body limit",
  tag: "Test",
  access: { kind: "public" },
  body: z.object({ items: z.array(z.string()) }),
  bodyLimit: 5 * MiB,
  success: { status: 200, schema: z.object({ count: z.number() }) },
});

const postBatch = route(batchUpload, async ({ body }) => ({ count: body.items.length }));

const ping = defineEndpoint({
  method: "GET",
  path: "/test/ping",
  operationId: "testPing",
  summary: "Test endpoint without inputs",
  tag: "Test",
  access: { kind: "public" },
  success: { status: 200, schema: z.object({ ok: z.boolean() }) },
});

const deleteThing = defineEndpoint({
  method: "DELETE",
  path: "/test/things/{id}",
  operationId: "testDeleteThing",
  summary: "Test endpoint with an empty success body",
  tag: "Test",
  access: { kind: "public" },
  success: { status: 204, schema: null },
});

const removeThing = route(deleteThing, async () => undefined);

const throwing = (error: unknown): Handler =>
  route(ping, async () => {
    throw error;
  });

const ingestInto = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/test-ingest",
  operationId: "testIngest",
  summary: "Test ingestion endpoint (write keys allowed)",
  tag: "Test",
  access: { kind: "workspace", permission: "write", writeKey: true },
  params: ZWorkspaceParams,
  body: z.object({ type: z.string() }),
  success: { status: 200, schema: z.object({ workspaceId: z.string(), via: z.string() }) },
});

const postIngest = route(ingestInto, async ({ workspace, principal }) => ({
  workspaceId: workspace.workspaceId,
  via: principal.type,
}));

const readSettings = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/test-settings",
  operationId: "testReadSettings",
  summary: "Test workspace endpoint without write keys",
  tag: "Test",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: z.object({ workspaceId: z.string() }) },
});

const getSettings = route(readSettings, async ({ workspace }) => ({ workspaceId: workspace.workspaceId }));

const segment = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const BASE = "http://atrium.test";

function jsonRequest(path: string, body: unknown, init: RequestInit = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
    body: JSON.stringify(body),
  });
}

const validThing = { name: "Ada", base: { contacts: { email: "ada@example.com" } } };

/** A problem response's body, after checking the parts every problem shares. */
async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as {
    status: number;
    code: string;
    detail: string;
    requestId: string;
    errors?: { path: string; message: string }[];
  };
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

/** Node's fetch needs `duplex: "half"` for a streamed body; the DOM typings in use do not know it yet. */
function streamedRequest(path: string, headers: Record<string, string>, body: ReadableStream<Uint8Array>): Request {
  const init: RequestInit & { duplex: "half" } = { method: "POST", headers, body, duplex: "half" };
  return new Request(`${BASE}${path}`, init);
}

/** A body sent in chunks with no Content-Length, as a chunked upload arrives; counts what was pulled. */
function streamedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const state = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulledBytes >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - state.pulledBytes);
      state.pulledBytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x20)); // spaces: valid JSON whitespace
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("validation (422 with field paths)", () => {
  it("accepts a valid request and serializes the handler's reply", async () => {
    const res = await postThing(jsonRequest("/test/things/t-1?limit=3", validThing), segment({ id: "t-1" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/test/things/t-1");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ id: "t-1", name: "Ada", email: "ada@example.com", limit: 3 });
  });

  it("names each bad body field by its path in the body", async () => {
    const res = await postThing(
      jsonRequest("/test/things/t-1", { name: "", base: { contacts: { email: "nope" } } }),
      segment({ id: "t-1" }),
    );
    const problem = await problemOf(res, 422);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["base.contacts.email", "name"]);
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
  });

  it("names a missing nested object", async () => {
    const res = await postThing(jsonRequest("/test/things/t-1", { name: "Ada" }), segment({ id: "t-1" }));
    expect((await problemOf(res, 422)).errors?.map((e) => e.path)).toEqual(["base"]);
  });

  it("prefixes bad query parameters with query.", async () => {
    const res = await postThing(jsonRequest("/test/things/t-1?limit=eleven", validThing), segment({ id: "t-1" }));
    expect((await problemOf(res, 422)).errors?.map((e) => e.path)).toEqual(["query.limit"]);
  });

  it("prefixes bad path parameters with path.", async () => {
    const res = await postThing(jsonRequest("/test/things/x", validThing), segment({ id: "x" }));
    expect((await problemOf(res, 422)).errors?.map((e) => e.path)).toEqual(["path.id"]);
  });
});

describe("request bodies", () => {
  it("answers 413 when the declared Content-Length is over the limit, without reading the body", async () => {
    const { stream, state } = streamedBody(64 * 1024);
    const req = streamedRequest(
      "/test/things/t-1",
      { "content-type": "application/json", "content-length": String(MiB + 1) },
      stream,
    );
    const problem = await problemOf(await postThing(req, segment({ id: "t-1" })), 413);
    expect(problem.code).toBe("payload_too_large");
    expect(state.pulledBytes).toBeLessThan(64 * 1024 + 1);
    expect(req.bodyUsed).toBe(false);
  });

  it("answers 413 for a body over 1 MiB sent as a whole", async () => {
    const big = { ...validThing, name: "x".repeat(MiB) };
    const text = JSON.stringify(big);
    const req = jsonRequest("/test/things/t-1", big, {
      headers: { "content-length": String(Buffer.byteLength(text)) },
    });
    await problemOf(await postThing(req, segment({ id: "t-1" })), 413);
  });

  it("answers 413 for a streamed body without Content-Length, and stops reading it", async () => {
    const { stream, state } = streamedBody(4 * MiB);
    const req = streamedRequest("/test/things/t-1", { "content-type": "application/json" }, stream);
    expect(req.headers.get("content-length")).toBeNull();
    await problemOf(await postThing(req, segment({ id: "t-1" })), 413);
    expect(state.cancelled).toBe(true);
    expect(state.pulledBytes).toBeLessThan(2 * MiB);
  });

  it("answers 413 when Content-Length understates a body that is over the limit", async () => {
    const { stream } = streamedBody(2 * MiB);
    const req = streamedRequest(
      "/test/things/t-1",
      { "content-type": "application/json", "content-length": "10" },
      stream,
    );
    await problemOf(await postThing(req, segment({ id: "t-1" })), 413);
  });

  it("takes a body of 2 MiB on an endpoint with the batch limit, and refuses one over 5 MiB", async () => {
    const items = Array.from({ length: 2048 }, () => "y".repeat(1024));
    const ok = await postBatch(jsonRequest("/test/batch", { items }), segment());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ count: 2048 });

    const tooMany = Array.from({ length: 5200 }, () => "y".repeat(1024));
    await problemOf(await postBatch(jsonRequest("/test/batch", { items: tooMany }), segment()), 413);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["form data", "application/x-www-form-urlencoded"],
    ["no content type", null],
  ])("answers 415 for a body declared as %s", async (_label, contentType) => {
    const req = new Request(`${BASE}/test/things/t-1`, {
      method: "POST",
      headers: contentType ? { "content-type": contentType } : {},
      body: JSON.stringify(validThing),
    });
    if (!contentType) req.headers.delete("content-type"); // fetch adds text/plain for a string body
    expect(req.headers.get("content-type")).toBe(contentType);
    const problem = await problemOf(await postThing(req, segment({ id: "t-1" })), 415);
    expect(problem.code).toBe("unsupported_media_type");
  });

  it("accepts JSON media types with parameters and +json suffixes", async () => {
    for (const contentType of ["application/json; charset=utf-8", "application/merge-patch+json"]) {
      const req = new Request(`${BASE}/test/things/t-1`, {
        method: "POST",
        headers: { "content-type": contentType },
        body: JSON.stringify(validThing),
      });
      expect((await postThing(req, segment({ id: "t-1" }))).status).toBe(201);
    }
  });

  it.each([
    ["malformed JSON", '{"name": "Ada", '],
    ["an empty body", ""],
  ])("answers 400 for %s", async (_label, text) => {
    const req = new Request(`${BASE}/test/things/t-1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    const problem = await problemOf(await postThing(req, segment({ id: "t-1" })), 400);
    expect(problem.code).toBe("malformed_json");
  });

  it("answers 400 for a body that is not valid UTF-8 instead of storing U+FFFD", async () => {
    // {"name": "Ad<0xC3>"}: a lone UTF-8 lead byte inside a string.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name": "Ad'),
      0xc3,
      ...new TextEncoder().encode('"}'),
    ]);
    const req = new Request(`${BASE}/test/things/t-1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    const problem = await problemOf(await postThing(req, segment({ id: "t-1" })), 400);
    expect(problem).toMatchObject({ code: "malformed_json", detail: "The request body is not valid UTF-8" });
  });
});

describe("errors", () => {
  it("turns an unexpected error into a generic 500 with the request id, logging the details", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const res = await throwing(new Error("connect ECONNREFUSED 10.1.2.3:5432 (db password hunter2)"))(
      new Request(`${BASE}/test/ping`),
      segment(),
    );
    const text = await res.clone().text();
    const problem = await problemOf(res, 500);
    expect(problem.code).toBe("internal");
    expect(problem.requestId).toBeTruthy();
    expect(text).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|hunter2/);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ requestId: problem.requestId }), expect.any(String));
  });

  it.each(Object.entries(ERROR_STATUS) as [ErrorCode, number][])(
    "answers AppError %s with HTTP %i and its safe message",
    async (code, status) => {
      const res = await throwing(new AppError(code, `Shown to the caller: ${code}`))(
        new Request(`${BASE}/test/ping`),
        segment(),
      );
      const problem = await problemOf(res, status);
      expect(problem).toMatchObject({ code, detail: `Shown to the caller: ${code}` });
    },
  );

  it("answers Retry-After for an AppError that says when to retry (429)", async () => {
    const res = await throwing(new AppError("rate_limited", "Slow down", { retryAfterSeconds: 7 }))(
      new Request(`${BASE}/test/ping`),
      segment(),
    );
    await problemOf(res, 429);
    expect(res.headers.get("retry-after")).toBe("7");
  });
});

describe("X-Request-Id", () => {
  const cases: [string, () => Promise<Response>][] = [
    ["a success", () => postThing(jsonRequest("/test/things/t-1", validThing), segment({ id: "t-1" }))],
    [
      "a 204 reply",
      () => removeThing(new Request(`${BASE}/test/things/t-1`, { method: "DELETE" }), segment({ id: "t-1" })),
    ],
    [
      "a handler's own Response",
      () => route(ping, async () => new Response("raw"))(new Request(`${BASE}/test/ping`), segment()),
    ],
    ["a 422", () => postThing(jsonRequest("/test/things/x", validThing), segment({ id: "x" }))],
    [
      "a 415",
      () => postThing(new Request(`${BASE}/test/things/t-1`, { method: "POST", body: "{}" }), segment({ id: "t-1" })),
    ],
    [
      "a 401",
      () =>
        getSettings(
          new Request(`${BASE}/api/v1/workspaces/${randomUUID()}/test-settings`),
          segment({ ws: randomUUID() }),
        ),
    ],
  ];

  it.each(cases)("is on %s", async (_label, send) => {
    const res = await send();
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("comes with an empty body on 204", async () => {
    const res = await removeThing(new Request(`${BASE}/test/things/t-1`, { method: "DELETE" }), segment({ id: "t-1" }));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("echoes a sane incoming id on success and on failure", async () => {
    const ok = await postThing(
      jsonRequest("/test/things/t-1", validThing, { headers: { "x-request-id": "trace-123" } }),
      segment({ id: "t-1" }),
    );
    expect(ok.headers.get("x-request-id")).toBe("trace-123");
    const bad = await postThing(
      jsonRequest("/test/things/x", validThing, { headers: { "x-request-id": "trace-456" } }),
      segment({ id: "x" }),
    );
    expect(bad.headers.get("x-request-id")).toBe("trace-456");
    expect((await bad.json()).requestId).toBe("trace-456");
  });

  it("replaces an incoming id that is not a sane token", async () => {
    const res = await postThing(
      jsonRequest("/test/things/t-1", validThing, { headers: { "x-request-id": "<script>alert(1)</script>" } }),
      segment({ id: "t-1" }),
    );
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("workspace access", () => {
  let workspaceA: { id: string };
  let workspaceB: { id: string };
  let writeKeyA: string;

  beforeAll(async () => {
    [workspaceA, workspaceB] = await Promise.all([createTestWorkspace("Route A"), createTestWorkspace("Route B")]);
    const key = generateWriteKey();
    await db().source.create({
      data: {
        workspaceId: workspaceA.id,
        name: "Route test source",
        writeKeyHash: key.hash,
        writeKeyPrefix: key.prefix,
      },
    });
    writeKeyA = key.key;
  });

  const ingest = (ws: string, headers: Record<string, string> = {}) =>
    postIngest(
      jsonRequest(`/api/v1/workspaces/${ws}/test-ingest`, { type: "pageViewed" }, { headers }),
      segment({ ws }),
    );
  const settings = (ws: string, headers: Record<string, string> = {}) =>
    getSettings(new Request(`${BASE}/api/v1/workspaces/${ws}/test-settings`, { headers }), segment({ ws }));
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("answers 401 without credentials", async () => {
    const problem = await problemOf(await settings(workspaceA.id), 401);
    expect(problem.code).toBe("unauthenticated");
    await problemOf(await ingest(workspaceA.id), 401);
  });

  it.each([
    ["an unknown access token", "Bearer not-a-real-token"],
    ["an unknown write key", `Bearer wk_${"A".repeat(43)}`],
    ["another authorization scheme", "Basic YWRtaW46YWRtaW4="],
    ["an empty bearer", "Bearer "],
  ])("answers 401 for %s", async (_label, authorization) => {
    await problemOf(await settings(workspaceA.id, { authorization }), 401);
    await problemOf(await ingest(workspaceA.id, { authorization }), 401);
  });

  it("lets a write key ingest into its own workspace", async () => {
    const res = await ingest(workspaceA.id, bearer(writeKeyA));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaceId: workspaceA.id, via: "writeKey" });
  });

  it("answers 404, not 403, for a write key used on another workspace", async () => {
    const problem = await problemOf(await ingest(workspaceB.id, bearer(writeKeyA)), 404);
    expect(problem.code).toBe("not_found");
    // The same answer as for a workspace that does not exist: no existence oracle.
    const missing = await problemOf(await ingest(randomUUID(), bearer(writeKeyA)), 404);
    expect(missing.detail).toBe(problem.detail);
  });

  it("answers 404 for a workspace id that is not even a UUID", async () => {
    await problemOf(await ingest("not-a-uuid", bearer(writeKeyA)), 404);
  });

  it("answers 403 for a write key on a non-ingestion endpoint of its own workspace", async () => {
    const problem = await problemOf(await settings(workspaceA.id, bearer(writeKeyA)), 403);
    expect(problem.code).toBe("forbidden");
  });

  it("answers 404 for a write key on a non-ingestion endpoint of another workspace", async () => {
    await problemOf(await settings(workspaceB.id, bearer(writeKeyA)), 404);
  });

  it("authenticates before validating: bad credentials with a bad body are a 401, not a 422", async () => {
    const res = await postIngest(
      jsonRequest(`/api/v1/workspaces/${workspaceA.id}/test-ingest`, { type: 42 }, { headers: bearer("wk_unknown") }),
      segment({ ws: workspaceA.id }),
    );
    await problemOf(res, 401);
  });

  it("validates the body once the caller may use the endpoint", async () => {
    const res = await postIngest(
      jsonRequest(`/api/v1/workspaces/${workspaceA.id}/test-ingest`, { type: 42 }, { headers: bearer(writeKeyA) }),
      segment({ ws: workspaceA.id }),
    );
    expect((await problemOf(res, 422)).errors?.map((e) => e.path)).toEqual(["type"]);
  });
});
