// Every registered endpoint, checked for every kind of caller. A route added without the right access
// check fails here: the list comes from the endpoint registry, not from this file.
import { beforeAll, describe, expect, it } from "vitest";
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
function expectation(endpoint: EndpointContract, caller: Caller): "allowed" | 401 | 403 | 404 {
  const access = endpoint.access;
  if (access.kind === "public") return "allowed";
  if (caller === "none") return 401;
  if (access.kind === "authenticated") return caller === "writeKey" ? 403 : "allowed";
  if (caller === "otherWorkspaceToken") return 404;
  if (caller === "writeKey") return access.writeKey ? "allowed" : 403;
  return ROLE_ALLOWS[caller].has(access.permission) ? "allowed" : 403;
}

describe("permission matrix over every registered endpoint", () => {
  let ws: string;
  const callers = {} as Record<Caller, Credentials>;

  beforeAll(async () => {
    const workspace = await createTestWorkspace("Matrix");
    const other = await createTestWorkspace("Matrix other");
    ws = workspace.id;
    callers.none = {};
    callers.guest = await memberSession(ws, "GUEST");
    callers.user = await memberSession(ws, "USER");
    callers.admin = await memberSession(ws, "ADMIN");
    callers.writeKey = await writeKeyFor(ws);
    callers.otherWorkspaceToken = await apiClientToken(other.id, "ADMIN");
  });

  it("covers a non-trivial registry", () => {
    expect(endpoints.length).toBeGreaterThan(1);
  });

  for (const endpoint of endpoints) {
    for (const caller of Object.keys(ROLE_ALLOWS).concat(["none", "writeKey", "otherWorkspaceToken"]) as Caller[]) {
      const expected = expectation(endpoint, caller);
      it(`${endpoint.method} ${endpoint.path} as ${caller} → ${expected}`, async () => {
        const { cookie, authorization } = callers[caller];
        const headers: Record<string, string> = {};
        if (cookie) headers.cookie = cookie;
        if (authorization) headers.authorization = authorization;
        const res = await callEndpoint(endpoint, { ws, headers });
        if (expected === "allowed") {
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
