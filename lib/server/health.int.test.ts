import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("reports the database as ok", async () => {
    const res = await GET(new Request("http://test/api/health"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });
});
