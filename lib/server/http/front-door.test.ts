// The front door's decisions that need no database: pages take only GET/HEAD, and unknown root paths are problems.
import { describe, expect, it } from "vitest";
import { frontDoorResponse } from "./front-door";

const at = (method: string, path: string) => frontDoorResponse(new Request(`http://atrium.test${path}`, { method }));

describe("front door", () => {
  it("lets GET and HEAD of pages and every method of handler prefixes through", async () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["HEAD", "/customers"],
      ["POST", "/api/v1/workspaces"],
      ["DELETE", "/api/v1/x"],
      ["POST", "/v1/batch"],
      ["POST", "/oauth/token"],
    ])
      expect(await at(method, path), `${method} ${path}`).toBeNull();
  });

  it("answers other methods on pages with a 405 problem naming GET and HEAD", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const res = (await at(method, "/customers/123"))!;
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "method_not_allowed", status: 405 });
    }
  });

  it("answers /v1 and unknown /.well-known paths with a 404 problem", async () => {
    for (const path of ["/v1", "/.well-known/security.txt"]) {
      const res = (await at("GET", path))!;
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("answers a method an API path does not take with a 405 problem and its Allow header", async () => {
    const cases: [string, string, string][] = [
      ["PUT", "/api/v1/workspaces/w1/customers", "GET, HEAD, POST"],
      ["POST", "/api/v1/workspaces/w1/customers/c1", "DELETE, GET, HEAD, PATCH, PUT"],
      // Static beats parameter as in Next's routing: "search" is its own route, not a customer id.
      ["GET", "/api/v1/workspaces/w1/customers/search", "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const res = (await at(method, path))!;
      expect(res, `${method} ${path}`).not.toBeNull();
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(await res.json()).toMatchObject({ code: "method_not_allowed", status: 405 });
    }
  });

  it("lets methods an API path takes, and unknown API paths, through to the routes", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/workspaces/w1/customers"],
      ["HEAD", "/api/v1/workspaces/w1/customers"],
      ["POST", "/api/v1/workspaces/w1/customers/search"],
      ["PATCH", "/api/v1/workspaces/w1/customers/c1"],
      ["PUT", "/api/v1/nothing/here"],
      ["OPTIONS", "/api/v1/workspaces/w1/customers"],
    ])
      expect(await at(method, path), `${method} ${path}`).toBeNull();
  });
});
