import { describe, expect, it } from "vitest";
import { ZMemberAdd } from "./members";
import { ZSourceCreate } from "./sources";
import { ZUserCreate } from "./users";

describe("ZSourceCreate", () => {
  it("normalises allowed origins to the form browsers send", () => {
    const parsed = ZSourceCreate.parse({
      name: "Shop",
      type: "web",
      allowedOrigins: ["https://Shop.Example.com/", "http://localhost:3000"],
    });
    expect(parsed.allowedOrigins).toEqual(["https://shop.example.com", "http://localhost:3000"]);
  });

  it.each([
    "https://shop.example.com/path",
    "https://shop.example.com?x=1",
    "ftp://shop.example.com",
    "shop.example.com",
    "https://u:p@shop.example.com",
  ])("refuses the origin %s", (origin) => {
    const result = ZSourceCreate.safeParse({ name: "Shop", allowedOrigins: [origin] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["allowedOrigins", 0]);
  });

  it("refuses unknown types and non-integer priorities", () => {
    expect(ZSourceCreate.safeParse({ name: "S", type: "tv" }).success).toBe(false);
    expect(ZSourceCreate.safeParse({ name: "S", priority: 1.5 }).success).toBe(false);
  });
});

describe("e-mail addresses", () => {
  it("are trimmed and lower-cased", () => {
    expect(ZUserCreate.parse({ email: "  Jane@Example.COM ", password: "0123456789" }).email).toBe("jane@example.com");
    expect(ZMemberAdd.parse({ email: "Jane@Example.com", role: "user" }).email).toBe("jane@example.com");
  });

  it("must look like one, and passwords need 10 characters", () => {
    expect(ZUserCreate.safeParse({ email: "jane", password: "0123456789" }).success).toBe(false);
    expect(ZUserCreate.safeParse({ email: "jane@example.com", password: "012345678" }).success).toBe(false);
  });
});
