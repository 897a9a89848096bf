import { describe, expect, it } from "vitest";
import { requestIdOf } from "./request-id";

const withHeader = (value?: string) =>
  new Request("http://test/", { headers: value === undefined ? {} : { "x-request-id": value } });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdOf", () => {
  it("echoes a sane incoming id, for tracing across systems", () => {
    expect(requestIdOf(withHeader("trace-01:ab.CD_9"))).toBe("trace-01:ab.CD_9");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["with spaces", "a b"],
    ["with markup", "<script>"],
    ["too long", "x".repeat(129)],
  ])("makes a new one when the incoming id is %s", (_label, value) => {
    expect(requestIdOf(withHeader(value))).toMatch(UUID);
  });
});
