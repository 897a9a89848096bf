import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineEndpoint } from "@/lib/schemas/endpoint";
import { ApiError, buildEndpointUrl, createApiClient, problemFromResponse } from "./api-client";

// Contracts made up for the test, shaped like the real ones in lib/schemas.
const getThing = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/things/{id}",
  operationId: "getThing",
  summary: "A thing",
  tag: "Test",
  access: { kind: "workspace", permission: "read" },
  params: z.object({ ws: z.string(), id: z.string() }),
  query: z.object({
    tag: z.array(z.string()).optional(),
    limit: z.coerce.number().optional(),
    q: z.string().optional(),
  }),
  success: { status: 200, schema: z.object({ id: z.string(), createdAt: z.string().transform((s) => new Date(s)) }) },
});

const createThing = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/things",
  operationId: "createThing",
  summary: "Create a thing",
  tag: "Test",
  access: { kind: "workspace", permission: "write" },
  params: z.object({ ws: z.string() }),
  body: z.object({ name: z.string() }),
  success: { status: 201, schema: z.object({ id: z.string(), name: z.string() }) },
});

const deleteThing = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/things/{id}",
  operationId: "deleteThing",
  summary: "Delete a thing",
  tag: "Test",
  access: { kind: "workspace", permission: "admin" },
  params: z.object({ ws: z.string(), id: z.string() }),
  success: { status: 204, schema: null },
});

const getHealth = defineEndpoint({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Health",
  tag: "Test",
  access: { kind: "public" },
  success: { status: 200, schema: z.object({ status: z.string() }) },
});

const problemBody = {
  type: "https://atrium.dev/problems/validation-failed",
  title: "Validation failed",
  status: 422,
  detail: "The body is not valid",
  code: "validation_failed",
  errors: [{ path: "name", message: "Required" }],
  requestId: "req-1",
  existingCustomerId: "c9",
};

function json(body: unknown, status = 200, contentType = "application/json") {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });
}

describe("buildEndpointUrl", () => {
  it("fills and encodes path parameters", () => {
    expect(buildEndpointUrl(getThing, { params: { ws: "ws 1", id: "a/b" } })).toBe(
      "/api/v1/workspaces/ws%201/things/a%2Fb",
    );
  });

  it("writes the query string, repeating arrays and skipping empty values", () => {
    const url = buildEndpointUrl(getThing, {
      params: { ws: "w", id: "t" },
      query: { tag: ["vip", "new"], limit: 20, q: undefined },
    });
    expect(url).toBe("/api/v1/workspaces/w/things/t?tag=vip&tag=new&limit=20");
  });

  it("prefixes a base URL", () => {
    expect(buildEndpointUrl(getHealth, {}, "http://localhost:3000")).toBe("http://localhost:3000/api/health");
  });

  it("refuses a missing path parameter instead of calling a wrong URL", () => {
    expect(() => buildEndpointUrl(getThing, { params: { ws: "w" } })).toThrow(/Missing path parameter "id"/);
  });
});

describe("createApiClient().call", () => {
  it("sends a same-origin GET and returns the parsed output type", async () => {
    const fetchStub = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json({ id: "t", createdAt: "2026-01-02T03:04:05.000Z", extra: 1 }),
    );
    const client = createApiClient({ fetch: fetchStub });
    const thing = await client.call(getThing, { params: { ws: "w", id: "t" }, query: { limit: 5 } });
    expect(thing.createdAt).toBeInstanceOf(Date);
    expect(thing).toEqual({ id: "t", createdAt: new Date("2026-01-02T03:04:05.000Z") });
    const [url, init] = fetchStub.mock.calls[0];
    expect(url).toBe("/api/v1/workspaces/w/things/t?limit=5");
    expect(init).toMatchObject({ method: "GET", credentials: "same-origin", body: undefined });
  });

  it("sends a JSON body with its content type", async () => {
    const fetchStub = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json({ id: "t1", name: "A" }, 201),
    );
    const client = createApiClient({ fetch: fetchStub });
    await expect(client.call(createThing, { params: { ws: "w" }, body: { name: "A" } })).resolves.toEqual({
      id: "t1",
      name: "A",
    });
    const init = fetchStub.mock.calls[0][1];
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"name":"A"}');
    expect(init?.headers).toMatchObject({ "content-type": "application/json", accept: "application/json" });
  });

  it("returns undefined for 204", async () => {
    const client = createApiClient({ fetch: async () => new Response(null, { status: 204 }) });
    await expect(client.call(deleteThing, { params: { ws: "w", id: "t" } })).resolves.toBeUndefined();
  });

  it("calls a contract without inputs with no arguments", async () => {
    const client = createApiClient({ fetch: async () => json({ status: "ok" }) });
    await expect(client.call(getHealth)).resolves.toEqual({ status: "ok" });
  });

  it("throws ApiError carrying the problem body, extra members included", async () => {
    const client = createApiClient({ fetch: async () => json(problemBody, 422, "application/problem+json") });
    const error = await client.call(createThing, { params: { ws: "w" }, body: { name: "" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.message).toBe("The body is not valid");
    expect(apiError.problem).toEqual(problemBody);
    expect(apiError.fieldError("name")).toBe("Required");
    expect(apiError.fieldError("other")).toBeUndefined();
  });

  it("reports a response that breaks the contract", async () => {
    const client = createApiClient({ fetch: async () => json({ nope: true }) });
    await expect(client.call(getHealth)).rejects.toThrow(/getHealth does not match its contract/);
  });
});

describe("problemFromResponse", () => {
  it("synthesises a problem when the body is not one (e.g. a proxy's HTML page)", async () => {
    const response = new Response("<html>Bad gateway</html>", {
      status: 502,
      statusText: "Bad Gateway",
      headers: { "content-type": "text/html", "x-request-id": "req-7" },
    });
    expect(await problemFromResponse(response)).toEqual({
      type: "about:blank",
      title: "Bad Gateway",
      status: 502,
      detail: "The server answered 502 Bad Gateway.",
      code: "http_502",
      requestId: "req-7",
    });
  });

  it("copes with an empty body", async () => {
    const problem = await problemFromResponse(new Response(null, { status: 500 }));
    expect(problem).toMatchObject({ status: 500, code: "http_500", requestId: "" });
  });
});

describe("call types", () => {
  it("rejects inputs the contract does not allow (checked by tsc)", async () => {
    const client = createApiClient({ fetch: async () => json({ id: "t", createdAt: "2026-01-01T00:00:00Z" }) });
    // @ts-expect-error -- path parameters are required
    await client.call(getThing, {}).catch(() => undefined);
    // @ts-expect-error -- a contract without a body takes none
    await client.call(deleteThing, { params: { ws: "w", id: "t" }, body: { x: 1 } }).catch(() => undefined);
    // @ts-expect-error -- query values have the contract's types
    await client.call(getThing, { params: { ws: "w", id: "t" }, query: { q: 1 } }).catch(() => undefined);
  });
});
