// Every registered endpoint, checked for every kind of caller. A route added without the right access
// check fails here: the list comes from the endpoint registry, not from this file.
import { describe, expect, it } from "vitest";
import type { EndpointContract, Permission } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import { apiClientToken, memberSession, writeKeyFor, type Credentials } from "./auth-fixtures";
import { createTestWorkspace } from "./fixtures";
import { callEndpoint } from "./route-modules";

type Caller = "none" | "guest" | "user" | "admin" | "writeKey" | "otherWorkspaceToken";

const ROLE_ALLOWS: Record<"guest" | "user" | "admin", ReadonlySet<Permission>> = {
  guest: new Set(["read"]),
  user: new Set(["read", "write"]),
  admin: new Set(["read", "write", "admin", "consentHistory"]),
};

/** The status classes an endpoint may answer a caller with; "allowed" means anything but 401/403 (and no cross-workspace data). */
function expectation(endpoint: EndpointContract, caller: Caller): "allowed" | "public" | 401 | 403 | 404 {
  const access = endpoint.access;
  // Public endpoints may still check their own credential (a shop's signature, a signed link): no 5xx.
  if (access.kind === "public") return "public";
  if (caller === "none") return 401;
  if (access.kind === "authenticated") return caller === "writeKey" ? 403 : "allowed";
  if (caller === "otherWorkspaceToken") return 404;
  if (caller === "writeKey") return access.writeKey ? "allowed" : 403;
  return ROLE_ALLOWS[caller].has(access.permission) ? "allowed" : 403;
}

/** Each case gets its own workspace, so destructive endpoints (e.g. deleting the workspace) cannot affect others. */
async function setUp(caller: Caller): Promise<{ ws: string; credentials: Credentials }> {
  const ws = (await createTestWorkspace("Matrix")).id;
  switch (caller) {
    case "none":
      return { ws, credentials: {} };
    case "guest":
      return { ws, credentials: await memberSession(ws, "GUEST") };
    case "user":
      return { ws, credentials: await memberSession(ws, "USER") };
    case "admin":
      return { ws, credentials: await memberSession(ws, "ADMIN") };
    case "writeKey":
      return { ws, credentials: await writeKeyFor(ws) };
    case "otherWorkspaceToken":
      return { ws, credentials: await apiClientToken((await createTestWorkspace("Matrix other")).id, "ADMIN") };
  }
}

const CALLERS: Caller[] = ["none", "guest", "user", "admin", "writeKey", "otherWorkspaceToken"];

describe("permission matrix over every registered endpoint", () => {
  it("covers a non-trivial registry", () => {
    expect(endpoints.length).toBeGreaterThan(1);
  });

  for (const endpoint of endpoints) {
    for (const caller of CALLERS) {
      const expected = expectation(endpoint, caller);
      it(`${endpoint.method} ${endpoint.path} as ${caller} → ${expected}`, async () => {
        const { ws, credentials } = await setUp(caller);
        const headers: Record<string, string> = {};
        if (credentials.cookie) headers.cookie = credentials.cookie;
        if (credentials.authorization) headers.authorization = credentials.authorization;
        const res = await callEndpoint(endpoint, { ws, headers });
        if (expected === "public") {
          expect(res.status, await res.clone().text()).toBeLessThan(500);
        } else if (expected === "allowed") {
          expect([401, 403], `unexpected ${res.status}: ${await res.clone().text()}`).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status, await res.clone().text()).toBe(expected);
          expect(res.headers.get("content-type")).toContain("application/problem+json");
        }
      });
    }
  }
});

describe("CSV exports carry the permission their contract declares", () => {
  const csvEndpoints = endpoints.filter((endpoint) => endpoint.csv);

  it("covers the CSV endpoints", () => {
    expect(csvEndpoints.length).toBeGreaterThan(0);
  });

  for (const endpoint of csvEndpoints) {
    for (const caller of ["guest", "user", "admin"] as const) {
      const allowed = endpoint.access.kind === "workspace" && ROLE_ALLOWS[caller].has(endpoint.csv!.permission);
      it(`${endpoint.method} ${endpoint.path} as CSV for ${caller} → ${allowed ? "text/csv" : 403}`, async () => {
        const { ws, credentials } = await setUp(caller);
        const headers: Record<string, string> = { accept: "text/csv" };
        if (credentials.cookie) headers.cookie = credentials.cookie;
        const res = await callEndpoint(endpoint, { ws, headers });
        if (allowed) {
          expect([401, 403], `unexpected ${res.status}: ${await res.clone().text()}`).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
          if (res.status === 200) expect(res.headers.get("content-type")).toContain("text/csv");
        } else {
          expect(res.status, await res.clone().text()).toBe(403);
        }
        // JSON is still what the same caller gets without asking for CSV.
        const json = await callEndpoint(endpoint, {
          ws,
          headers: { ...headers, accept: "application/json, text/csv" },
        });
        expect(json.headers.get("content-type") ?? "").not.toContain("text/csv");
      });
    }
  }
});
