import { describe, expect, it } from "vitest";
import { withoutWorkspace, withWorkspaceRenamed } from "./me-cache";
import type { Me } from "./use-me";

const me: Me = {
  user: { id: "u1", email: "ada@example.com", name: "Ada" },
  client: null,
  memberships: [
    {
      workspace: { id: "w1", name: "Acme", slug: "acme", timezone: "UTC" },
      role: "admin",
      permissions: ["read", "write", "admin", "consentHistory"],
      maskPersonalData: false,
      timeZone: null,
    },
    {
      workspace: { id: "w2", name: "Globex", slug: "globex", timezone: "UTC" },
      role: "guest",
      permissions: ["read"],
      maskPersonalData: true,
      timeZone: null,
    },
  ],
};

describe("me cache updates", () => {
  it("renames one workspace and keeps the role", () => {
    const next = withWorkspaceRenamed(me, { id: "w1", name: "Acme EU", slug: "acme-eu", timezone: "Europe/Rome" });
    expect(next.memberships[0]).toMatchObject({
      workspace: { id: "w1", name: "Acme EU", slug: "acme-eu", timezone: "Europe/Rome" },
      role: "admin",
    });
    expect(next.memberships[1]).toBe(me.memberships[1]);
    expect(me.memberships[0].workspace.name).toBe("Acme");
  });

  it("drops a deleted workspace", () => {
    expect(withoutWorkspace(me, "w1").memberships.map((m) => m.workspace.id)).toEqual(["w2"]);
  });
});
