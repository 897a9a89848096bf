import { describe, expect, it } from "vitest";
import { queryKeys } from "./query-keys";

/** TanStack Query's prefix rule: invalidating `prefix` also hits `key`. */
function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((part, index) => JSON.stringify(part) === JSON.stringify(key[index]));
}

describe("queryKeys", () => {
  it("puts the workspace id in every workspace-scoped key", () => {
    const keys = [
      queryKeys.customers.list("ws1", { q: "ada" }),
      queryKeys.customers.detail("ws1", "c1"),
      queryKeys.customers.consentHistory("ws1", "c1"),
      queryKeys.events.list("ws1"),
      queryKeys.views.customers("ws1", "v1"),
      queryKeys.reports.growth("ws1", { interval: "week" }),
      queryKeys.members.list("ws1"),
      queryKeys.apiClients.list("ws1"),
      queryKeys.sources.detail("ws1", "s1"),
      queryKeys.schema.eventTypes("ws1"),
      queryKeys.identityRules("ws1"),
      queryKeys.audit.list("ws1"),
      queryKeys.workspaceSettings("ws1"),
    ];
    for (const key of keys) expect(startsWith(key, queryKeys.workspace("ws1"))).toBe(true);
  });

  it("keeps two workspaces' keys apart", () => {
    const a = queryKeys.customers.list("ws1", { limit: 50 });
    const b = queryKeys.customers.list("ws2", { limit: 50 });
    expect(a).not.toEqual(b);
    expect(startsWith(b, queryKeys.workspace("ws1"))).toBe(false);
  });

  it("nests lists and details under the resource, and a customer's parts under the customer", () => {
    const all = queryKeys.customers.all("ws1");
    expect(startsWith(queryKeys.customers.list("ws1", { q: "x" }), queryKeys.customers.lists("ws1"))).toBe(true);
    expect(startsWith(queryKeys.customers.lists("ws1"), all)).toBe(true);
    expect(startsWith(queryKeys.customers.events("ws1", "c1"), queryKeys.customers.detail("ws1", "c1"))).toBe(true);
    expect(startsWith(queryKeys.customers.events("ws1", "c1"), queryKeys.customers.detail("ws1", "c2"))).toBe(false);
  });

  it("distinguishes lists by their parameters and defaults them to {}", () => {
    expect(queryKeys.customers.list("ws1")).toEqual(["workspaces", "ws1", "customers", "list", {}]);
    expect(queryKeys.customers.list("ws1", { q: "a" })).not.toEqual(queryKeys.customers.list("ws1", { q: "b" }));
  });

  it("does not confuse resources whose names could collide", () => {
    expect(startsWith(queryKeys.customers.detail("ws1", "x"), queryKeys.events.all("ws1"))).toBe(false);
    expect(startsWith(queryKeys.reports.events("ws1"), queryKeys.events.all("ws1"))).toBe(false);
  });

  it("keeps the account-level keys outside any workspace", () => {
    expect(queryKeys.me()).toEqual(["me"]);
    expect(startsWith(queryKeys.workspaceList(), ["workspaces"])).toBe(false);
  });
});
