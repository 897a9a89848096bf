import { describe, expect, it } from "vitest";
import { permissionsOf } from "./use-permissions";

describe("permissionsOf", () => {
  it("reads the membership's permissions", () => {
    const guest = permissionsOf({ role: "guest", permissions: ["read"] });
    expect(guest).toMatchObject({
      role: "guest",
      canRead: true,
      canWrite: false,
      canAdmin: false,
      canReadConsentHistory: false,
    });
    const admin = permissionsOf({ role: "admin", permissions: ["read", "write", "admin", "consentHistory"] });
    expect(admin).toMatchObject({ canRead: true, canWrite: true, canAdmin: true, canReadConsentHistory: true });
    expect(admin.has("admin")).toBe(true);
  });

  it("trusts the permissions list, not the role name (a user may hold consent history)", () => {
    const dpo = permissionsOf({ role: "user", permissions: ["read", "write", "consentHistory"] });
    expect(dpo.canReadConsentHistory).toBe(true);
    expect(dpo.canAdmin).toBe(false);
  });

  it("allows nothing without a membership", () => {
    expect(permissionsOf(null)).toMatchObject({ role: null, canRead: false, canWrite: false, canAdmin: false });
  });
});
