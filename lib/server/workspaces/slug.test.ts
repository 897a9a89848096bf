import { describe, expect, it } from "vitest";
import { ZSlug } from "@/lib/schemas/workspaces";
import { deriveSlug, nextFreeSlug, SLUG_MAX_LENGTH, slugFamilyPrefix } from "./slug";

describe("deriveSlug", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme Café — Europe", "acme-cafe-europe"],
    ["  Straße & Søn  ", "strasse-son"],
    ["Łódź Retail", "lodz-retail"],
    ["Příliš žluťoučký kůň", "prilis-zlutoucky-kun"],
    ["ACME__2025!!", "acme-2025"],
  ])("%s → %s", (name, slug) => {
    expect(deriveSlug(name)).toBe(slug);
  });

  it("falls back when nothing usable is left", () => {
    expect(deriveSlug("🙂 ☕")).toBe("workspace");
    expect(deriveSlug("東京")).toBe("workspace");
  });

  it("keeps a one-character name recognisable", () => {
    expect(deriveSlug("X")).toBe("workspace-x");
  });

  it("cuts long names without a trailing hyphen", () => {
    const slug = deriveSlug(`${"a".repeat(49)} b`);
    expect(slug).toBe("a".repeat(49));
    expect(deriveSlug("word ".repeat(30)).length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });

  it("always produces a valid slug", () => {
    for (const name of ["a", "-", "--x--", "Ω", "x".repeat(200), "a b c d", "1"]) {
      expect(ZSlug.safeParse(deriveSlug(name)).success, name).toBe(true);
    }
  });
});

describe("nextFreeSlug", () => {
  it("keeps the base when it is free", () => {
    expect(nextFreeSlug("acme", new Set(["acme-2"]))).toBe("acme");
  });

  it("appends -2, -3 … on collision", () => {
    expect(nextFreeSlug("acme", new Set(["acme"]))).toBe("acme-2");
    expect(nextFreeSlug("acme", new Set(["acme", "acme-2", "acme-3"]))).toBe("acme-4");
  });

  it("shortens a long base so that the suffix fits", () => {
    const base = "a".repeat(SLUG_MAX_LENGTH);
    const next = nextFreeSlug(base, new Set([base]));
    expect(next).toBe(`${"a".repeat(SLUG_MAX_LENGTH - 2)}-2`);
    expect(next.startsWith(slugFamilyPrefix(base))).toBe(true);
  });

  it("does not leave a double hyphen when shortening cuts at a hyphen", () => {
    const base = `${"a".repeat(47)}-bc`;
    expect(nextFreeSlug(base, new Set([base]))).toBe(`${"a".repeat(47)}-2`);
  });
});
