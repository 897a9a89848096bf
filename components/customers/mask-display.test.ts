import { describe, expect, it } from "vitest";
import type { Customer } from "@/lib/schemas/customers";
import { cellTitle, columnValue, formatCell } from "./customer-columns";
import { customerName, customerSubtitle } from "./customer-display";
import { looksMasked, maskColumnValue, maskEmail, maskPhone, maskText } from "./mask-display";

const customer: Customer = {
  id: "c1",
  externalId: "CRM-42",
  base: {
    firstName: "Mario",
    lastName: "Rossi",
    dob: "1985-04-12",
    contacts: { email: "mario.rossi@gmail.com", mobilePhone: "+39 347 123 4567" },
    address: { street: "Via Roma 1", zip: "20121", city: "Milano", country: "IT" },
  },
  extended: { tier: "gold", interests: ["bikes", "books"] },
  tags: ["vip"],
  identities: [],
  sourceIds: [],
  createdAt: "2024-03-05T10:00:00.000Z",
  updatedAt: "2024-03-06T10:00:00.000Z",
};

describe("masking for display", () => {
  it("masks like the server does", () => {
    expect(maskText("Mario")).toBe("M***");
    expect(maskEmail("mario.rossi@gmail.com")).toBe("m***@g***.com");
    expect(maskPhone("+39 347 123 4567")).toBe("+** *** *** 4567");
    expect(maskColumnValue("base.address.street", "Via Roma 1")).toBe("***");
    expect(maskColumnValue("base.address.zip", "20121")).toBe("20***");
    expect(maskColumnValue("base.dob", "1985-04-12")).toBe("1985");
    expect(maskColumnValue("externalId", "CRM-42")).toBe("C***");
  });

  it("leaves analysis columns and already masked values alone", () => {
    expect(maskColumnValue("base.address.city", "Milano")).toBe("Milano");
    expect(maskColumnValue("base.address.country", "IT")).toBe("IT");
    expect(maskColumnValue("tags", ["vip"])).toEqual(["vip"]);
    expect(maskColumnValue("base.contacts.email", "m***@g***.com")).toBe("m***@g***.com");
    expect(maskColumnValue("base.firstName", "M***")).toBe("M***");
  });

  it("recognises masked text", () => {
    expect(looksMasked("M***")).toBe(true);
    expect(looksMasked("+** *** *** 4567")).toBe(true);
    expect(looksMasked("Mario")).toBe(false);
  });

  it("names customers masked or not", () => {
    expect(customerName(customer)).toBe("Mario Rossi");
    expect(customerName(customer, true)).toBe("M*** R***");
    expect(customerSubtitle(customer, true)).toBe("m***@g***.com");
    expect(customerName({ ...customer, base: { contacts: { email: "a@b.co" } } })).toBe("a@b.co");
    expect(customerName({ ...customer, base: {}, externalId: null })).toBe("Unnamed customer");
  });
});

describe("cells", () => {
  it("reads and formats column values", () => {
    expect(columnValue(customer, "base.address.city")).toBe("Milano");
    expect(columnValue(customer, "extended.tier")).toBe("gold");
    expect(columnValue(customer, "base.contacts.fax")).toBeUndefined();
    expect(formatCell("base.address.country", "IT")).toBe("Italy (IT)");
    expect(formatCell("extended.interests", ["bikes", "books"])).toBe("bikes, books");
    expect(formatCell("base.jobs", [{ a: 1 }, { b: 2 }])).toBe("2 items");
    expect(formatCell("createdAt", "2024-03-05T10:00:00.000Z")).toBe("5 Mar 2024");
    expect(cellTitle("createdAt", "2024-03-05T10:00:00.000Z", "5 Mar 2024")).toBe("5 Mar 2024, 10:00 UTC");
    expect(formatCell("base.dob", "1985")).toBe("1985");
    expect(formatCell("base.firstName", null)).toBe("");
  });
});
