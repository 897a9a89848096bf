import { describe, expect, it } from "vitest";
import { findUnstorableText, mayHoldUnstorableText } from "./storable-text";

describe("text PostgreSQL cannot store", () => {
  it("is spotted in JSON.stringify output: NUL and lone surrogates, not emoji nor a literal backslash-u", () => {
    expect(mayHoldUnstorableText(JSON.stringify({ a: "x\u0000y" }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: "\ud800" }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: "x\udc00" }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: "\\\u0000" }))).toBe(true);
    expect(mayHoldUnstorableText(JSON.stringify({ a: "Ciao 🙂", b: "\u0001 control" }))).toBe(false);
    expect(mayHoldUnstorableText(JSON.stringify({ a: "C:\\u0000\\ud800" }))).toBe(false);
  });

  it("is found at its path, keys included", () => {
    expect(findUnstorableText({ properties: { list: ["ok", "b\u0000d"] } }, "")).toBe("properties.list.1");
    expect(findUnstorableText({ contextInfo: { ["k\ud800"]: 1 } }, "")).toBe("contextInfo.k\ud800");
    expect(findUnstorableText({ properties: { title: "🙂", n: 1, x: null } }, "")).toBeNull();
  });
});
