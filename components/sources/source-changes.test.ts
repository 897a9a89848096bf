import { describe, expect, it } from "vitest";
import { sourceChanges, type SourceFormValues } from "./source-changes";

const saved: SourceFormValues = {
  name: "Shop",
  type: "web",
  allowedOrigins: ["https://shop.example.com"],
  priority: 0,
};

describe("sourceChanges", () => {
  it("is empty when nothing changed (whitespace around the name does not count)", () => {
    expect(sourceChanges(saved, { ...saved, name: " Shop " })).toEqual({});
  });

  it("holds only the changed fields", () => {
    expect(sourceChanges(saved, { ...saved, priority: 5 })).toEqual({ priority: 5 });
    expect(sourceChanges(saved, { ...saved, type: "ecommerce", name: "Shop EU" })).toEqual({
      type: "ecommerce",
      name: "Shop EU",
    });
  });

  it("sends the whole origin list when any origin changed", () => {
    expect(sourceChanges(saved, { ...saved, allowedOrigins: [] })).toEqual({ allowedOrigins: [] });
    expect(
      sourceChanges(saved, { ...saved, allowedOrigins: ["https://shop.example.com", "https://m.example.com"] }),
    ).toEqual({
      allowedOrigins: ["https://shop.example.com", "https://m.example.com"],
    });
  });
});
