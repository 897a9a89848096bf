import { describe, expect, it } from "vitest";
import type { Customer } from "@/lib/schemas/customers";
import { csvCell, csvHeader, csvRow } from "./customer-csv-row";

const customer: Customer = {
  id: "c1",
  externalId: "X-1",
  base: {
    firstName: "Anna",
    contacts: { email: "anna@example.com" },
    address: { geo: { lat: 45.1, lon: 9.2 } },
    jobs: [{ companyName: "ACME" }],
  },
  extended: { tier: "gold", colours: ["red", "blue"] },
  tags: ["vip", "it"],
  identities: [],
  sourceIds: [],
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-01-02T00:00:00.000Z",
};

describe("customer CSV rows", () => {
  it("starts with the id and follows the columns", () => {
    const header = csvHeader([
      "base.firstName",
      "base.contacts.email",
      "base.address.geo.lat",
      "extended.colours",
      "tags",
      "base.jobs",
      "base.lastName",
      "createdAt",
    ]);
    expect(header[0]).toBe("id");
    expect(csvRow(customer, header)).toEqual([
      "c1",
      "Anna",
      "anna@example.com",
      "45.1",
      "red, blue",
      "vip, it",
      '[{"companyName":"ACME"}]',
      "",
      "2024-01-01T00:00:00.000Z",
    ]);
  });
  it("defuses spreadsheet formulas but keeps numbers and phones", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+39 347 123 4567")).toBe("+39 347 123 4567");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell("-cmd")).toBe("'-cmd");
  });
});
