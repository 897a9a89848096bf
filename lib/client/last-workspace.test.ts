import { describe, expect, it } from "vitest";
import { forgetLastWorkspaceId, pickWorkspace, readLastWorkspaceId, writeLastWorkspaceId } from "./last-workspace";
import type { Membership } from "./use-me";

const membership = (id: string): Membership => ({
  workspace: { id, name: `Workspace ${id}`, slug: `ws-${id}`, timezone: "UTC" },
  role: "admin",
  permissions: ["read", "write", "admin", "consentHistory"],
  maskPersonalData: false,
  timeZone: null,
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("last workspace storage", () => {
  it("remembers and forgets the id", () => {
    const store = memoryStorage();
    expect(readLastWorkspaceId(store)).toBeNull();
    writeLastWorkspaceId("w2", store);
    expect(readLastWorkspaceId(store)).toBe("w2");
    forgetLastWorkspaceId(store);
    expect(readLastWorkspaceId(store)).toBeNull();
  });

  it("survives storage that is missing or throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readLastWorkspaceId(broken)).toBeNull();
    expect(() => writeLastWorkspaceId("w1", broken)).not.toThrow();
    expect(() => forgetLastWorkspaceId(broken)).not.toThrow();
    expect(readLastWorkspaceId(null)).toBeNull();
  });
});

describe("pickWorkspace", () => {
  const memberships = [membership("w1"), membership("w2")];

  it("opens the last used workspace", () => {
    expect(pickWorkspace(memberships, "w2")?.workspace.id).toBe("w2");
  });

  it("falls back to the first when there is no last one or access to it was lost", () => {
    expect(pickWorkspace(memberships, null)?.workspace.id).toBe("w1");
    expect(pickWorkspace(memberships, "gone")?.workspace.id).toBe("w1");
  });

  it("is null without any workspace", () => {
    expect(pickWorkspace([], "w1")).toBeNull();
  });
});
