// API journeys through the real server: the conventions of docs/api.md as an integrator meets them.
import { expect, test } from "@playwright/test";

test.describe("API conventions over HTTP", () => {
  test("GET /api/health answers ok without credentials", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(res.headers()["x-request-id"]).toBeTruthy();
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  test("an unknown /api path is a 404 problem with a request id", async ({ request }) => {
    const res = await request.post("/api/v1/no-such-thing", { data: { any: "body" } });
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/problem+json");
    const requestId = res.headers()["x-request-id"];
    expect(requestId).toBeTruthy();
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 404, code: "not_found", requestId });
    expect(problem.detail).toContain("/api/v1/no-such-thing");
  });

  test("a sane incoming X-Request-Id is echoed", async ({ request }) => {
    const res = await request.get("/api/health", { headers: { "X-Request-Id": "trace-e2e-0001" } });
    expect(res.headers()["x-request-id"]).toBe("trace-e2e-0001");
  });

  test("GET /api/v1/openapi.json serves the OpenAPI 3.1 document", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/json");
    const document = await res.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/v1/openapi.json"]));
  });
});
