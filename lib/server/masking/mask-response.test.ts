import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/schemas/endpoints";
import { maskFreeForm } from "./mask-free-form";
import { maskFilter, maskedConditionPath } from "./masked-filter";
import { RESPONSE_MASKERS } from "./mask-response";

describe("the response maskers follow the contracts", () => {
  const declared = endpoints.filter((e) => e.personalData?.masked === "mask").map((e) => e.operationId);

  it("has a masker for every endpoint that declares personal data, and none for others", () => {
    expect(declared.length).toBeGreaterThan(10);
    expect(Object.keys(RESPONSE_MASKERS).sort()).toEqual([...declared].sort());
  });
});

describe("free-form masking", () => {
  it("masks values under personal keys and values that read as contact data, keeps the rest", () => {
    const masked = maskFreeForm({
      action: "customer.updated",
      id: "0194d1d2-0000-7000-8000-000000000000",
      lastName: "Rossi",
      note: "write to mario.rossi@example.com",
      contact: "mario.rossi@example.com",
      client: { ip: "203.0.113.42", userAgent: "Mozilla/5.0" },
      mobile: "+39 347 123 4567",
      count: 3,
      ok: true,
    });
    expect(masked).toEqual({
      action: "customer.updated",
      id: "0194d1d2-0000-7000-8000-000000000000",
      lastName: "R***",
      note: "write to m***@e***.com",
      contact: "m***@e***.com",
      client: { ip: "203.0.***.***", userAgent: "M***" },
      mobile: "+39 *** *** 4567",
      count: 3,
      ok: true,
    });
  });
});

describe("filters over masked fields", () => {
  const filter = {
    and: [
      { field: "base.address.country", op: "eq", value: "IT" },
      { field: "base.lastName", op: "eq", value: "Rossi" },
    ],
  };

  it("names the first condition that compares a masked field", () => {
    expect(maskedConditionPath(filter, "filter")).toBe("filter.and.1.field");
    expect(maskedConditionPath({ field: "base.contacts.email", op: "exists", value: true }, "filter")).toBeNull();
    expect(maskedConditionPath({ tag: "vip" }, "filter")).toBeNull();
  });

  it("masks the compared values of masked fields only", () => {
    expect(maskFilter(filter)).toEqual({
      and: [
        { field: "base.address.country", op: "eq", value: "IT" },
        { field: "base.lastName", op: "eq", value: "R***" },
      ],
    });
  });
});
