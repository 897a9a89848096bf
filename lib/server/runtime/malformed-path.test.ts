import { describe, expect, it } from "vitest";
import { isDecodablePath } from "./malformed-path";

describe("isDecodablePath", () => {
  it("refuses overlong UTF-8 and broken percent-encoding, accepts real UTF-8", () => {
    expect(isDecodablePath("/api/v1/workspaces/%C0%AE")).toBe(false);
    expect(isDecodablePath("/api/v1/workspaces/%E0%A4%A")).toBe(false);
    expect(isDecodablePath("/api/v1/workspaces/%zz")).toBe(false);
    expect(isDecodablePath("/api/v1/workspaces/caf%C3%A9?q=%C0%AE")).toBe(true);
    expect(isDecodablePath("/api/v1/workspaces/x")).toBe(true);
  });
});
