import { describe, expect, it } from "vitest";
import { endpointMatcher, matchEndpoint } from "./match-endpoint";

describe("matchEndpoint", () => {
  it("finds the endpoint for a method and path, with its parameters decoded", () => {
    const found = matchEndpoint("/api/v1/workspaces/w1/customers/a%20b/identities/i1", "DELETE");
    expect(found?.endpoint?.operationId).toBe("removeCustomerIdentity");
    expect(found?.params).toEqual({ ws: "w1", id: "a b", identityId: "i1" });
    expect(found?.path).toBe("/api/v1/workspaces/{ws}/customers/{id}/identities/{identityId}");
  });

  it("routes like Next: a static segment beats a parameter, whatever the method", () => {
    expect(matchEndpoint("/api/v1/workspaces/w1/customers/search", "POST")?.endpoint?.operationId).toBe(
      "searchCustomers",
    );
    // GET …/customers/search is not getCustomer with id "search": that route takes POST only (a 405).
    const wrongMethod = matchEndpoint("/api/v1/workspaces/w1/customers/search", "GET");
    expect(wrongMethod?.endpoint).toBeNull();
    expect(wrongMethod?.methods).toEqual(["POST"]);
  });

  it("names the route's methods (HEAD with GET) and serves HEAD with GET", () => {
    const found = matchEndpoint("/api/v1/workspaces/w1/customers/c1", "HEAD");
    expect(found?.methods).toEqual(["DELETE", "GET", "HEAD", "PATCH", "PUT"]);
    expect(found?.endpoint?.operationId).toBe("getCustomer");
    expect(matchEndpoint("/api/v1/workspaces/w1/customers")?.endpoint).toBeNull();
  });

  it("matches nothing for paths no endpoint has, and keeps segments that do not decode", () => {
    expect(matchEndpoint("/api/v1/nothing/here", "GET")).toBeNull();
    expect(matchEndpoint("/api/v1/workspaces", "GET")?.endpoint?.operationId).toBe("listWorkspaces");
    expect(matchEndpoint("/api/v1/workspaces/%C0%AE", "GET")?.params).toEqual({ ws: "%C0%AE" });
  });

  it("works over any registry of method and path", () => {
    const match = endpointMatcher(() => [
      { method: "POST", path: "/v1/batch" },
      { method: "GET", path: "/v1/projects/{writeKey}/settings" },
    ]);
    expect(match("/v1/projects/k%3A1/settings", "GET")?.params).toEqual({ writeKey: "k:1" });
    expect(match("/v1/batch", "GET")?.methods).toEqual(["POST"]);
    expect(match("/v1/track", "POST")).toBeNull();
  });
});
