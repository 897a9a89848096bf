import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("takes the first and last name's initials", () => {
    expect(initials("Ada Lovelace", "ada@example.com")).toBe("AL");
    expect(initials("  Grace Brewster Murray Hopper ")).toBe("GH");
  });

  it("uses two letters of a single name", () => {
    expect(initials("Cher")).toBe("CH");
  });

  it("falls back to the e-mail's local part", () => {
    expect(initials(null, "ada.lovelace@example.com")).toBe("AL");
    expect(initials("", "demo@atrium.local")).toBe("DE");
    expect(initials(undefined, "j_smith@example.com")).toBe("JS");
  });

  it("handles letters outside ASCII", () => {
    expect(initials("Šárka Černá")).toBe("ŠČ");
    expect(initials("Łukasz")).toBe("ŁU");
  });

  it("skips punctuation and has a placeholder for nothing usable", () => {
    expect(initials("(Ada) Lovelace")).toBe("AL");
    expect(initials("", "")).toBe("?");
    expect(initials("—")).toBe("?");
  });
});
