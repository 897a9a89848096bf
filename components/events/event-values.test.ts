import { describe, expect, it } from "vitest";
import { shortId } from "./event-values";

describe("shortId", () => {
  it("keeps the end of an id, which tells apart customers created at the same time (uuid v7)", () => {
    const first = "01a222fd-f612-763a-acb1-e7f7559c81bf";
    const second = "01a222fd-f612-7a01-9c3e-0b7d2a55af13";
    expect(shortId(first)).toBe("…559c81bf");
    expect(shortId(first)).not.toBe(shortId(second));
  });

  it("leaves short ids whole", () => {
    expect(shortId("cust-42")).toBe("cust-42");
  });
});
