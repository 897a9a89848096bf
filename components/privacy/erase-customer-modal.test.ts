import { describe, expect, it } from "vitest";
import { exportFileName } from "./download-export";
import { confirmsErasure } from "./erase-customer-modal";

describe("confirmsErasure", () => {
  it("accepts the customer's name, ignoring case and surrounding spaces", () => {
    expect(confirmsErasure("Ada Lovelace", "Ada Lovelace")).toBe(true);
    expect(confirmsErasure("  ada lovelace ", "Ada Lovelace")).toBe(true);
  });

  it("accepts ERASE, in capitals", () => {
    expect(confirmsErasure("ERASE", "Ada Lovelace")).toBe(true);
    expect(confirmsErasure("erase", "Ada Lovelace")).toBe(false);
  });

  it("refuses anything else, and an empty name never matches", () => {
    expect(confirmsErasure("Ada", "Ada Lovelace")).toBe(false);
    expect(confirmsErasure("Adà Lovelace", "Ada Lovelace")).toBe(false);
    expect(confirmsErasure("", "")).toBe(false);
  });
});

describe("exportFileName", () => {
  it("names the file after the customer id, safely", () => {
    expect(exportFileName("c_123-abc")).toBe("customer-c_123-abc.json");
    expect(exportFileName("../x y")).toBe("customer-___x_y.json");
  });
});
