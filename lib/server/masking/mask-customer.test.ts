import { describe, expect, it } from "vitest";
import { ZCustomerBase, ZMaskedCustomerBase } from "@/lib/schemas/customer-base";
import type { Customer } from "@/lib/schemas/customers";
import { maskCustomer, maskEmail, maskPhone, maskText } from "./mask-customer";

const customer: Customer = {
  id: "0190a000-0000-7000-8000-000000000001",
  externalId: "CRM-4711",
  base: {
    pictureUrl: "https://example.com/mario.jpg",
    firstName: "Mario",
    lastName: "Rossi",
    middleName: "Ølaf",
    gender: "male",
    dob: "1985-12-01",
    contacts: {
      email: "mario.rossi@gmail.com",
      mobilePhone: "+39 347 123 4567",
      phone: "02 1234 5678",
      otherContacts: [
        { type: "EMAIL", value: "m.rossi@work.example.co.uk" },
        { type: "OTHER", value: "skype:mario" },
      ],
    },
    address: {
      street: "Via Roma 1",
      city: "Milano",
      zip: "20121",
      country: "IT",
      geo: { lat: 45.46427, lon: 9.18951 },
    },
    credential: { username: "mrossi" },
    socialProfile: { twitter: "@mario" },
    jobs: [{ companyName: "ACME" }],
  },
  extended: { tier: "gold" },
  tags: ["vip"],
  identities: [
    {
      id: "i1",
      type: "email",
      value: "mario.rossi@gmail.com",
      sourceId: null,
      derivedFrom: "base.contacts.email",
      firstSeenAt: "2024-01-01T00:00:00.000Z",
    },
    {
      id: "i2",
      type: "mobilePhone",
      value: "+393471234567",
      sourceId: null,
      derivedFrom: null,
      firstSeenAt: "2024-01-01T00:00:00.000Z",
    },
    {
      id: "i3",
      type: "externalId",
      value: "CRM-4711",
      sourceId: null,
      derivedFrom: null,
      firstSeenAt: "2024-01-01T00:00:00.000Z",
    },
  ],
  sourceIds: [],
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-01-01T00:00:00.000Z",
};

describe("masking helpers", () => {
  it("keeps the initial of a text", () => {
    expect(maskText("Mario")).toBe("M***");
    expect(maskText("Élodie")).toBe("É***");
    expect(maskText("  ")).toBe("");
  });
  it("keeps an e-mail's first letters and top-level domain", () => {
    expect(maskEmail("mario.rossi@gmail.com")).toBe("m***@g***.com");
    expect(maskEmail("a@b.co.uk")).toBe("a***@b***.uk");
    expect(maskEmail("not-an-email")).toBe("n***");
  });
  it("keeps a phone's country code and last four digits", () => {
    expect(maskPhone("+39 347 123 4567")).toBe("+39 *** *** 4567");
    expect(maskPhone("+393471234567")).toBe("+39 *** *** 4567");
    expect(maskPhone("+1 (415) 555-0123")).toBe("+1 *** *** 0123");
    expect(maskPhone("02 1234 5678")).toBe("** **** 5678");
  });
});

describe("maskCustomer", () => {
  it("masks who the customer is and keeps what analysis needs", () => {
    const masked = maskCustomer(customer);
    expect(masked.externalId).toBe("C***");
    expect(masked.base).toEqual({
      firstName: "M***",
      lastName: "R***",
      middleName: "Ø***",
      gender: "male",
      dob: "1985",
      contacts: {
        email: "m***@g***.com",
        mobilePhone: "+39 *** *** 4567",
        phone: "** **** 5678",
        otherContacts: [
          { type: "EMAIL", value: "m***@w***.uk" },
          { type: "OTHER", value: "s***" },
        ],
      },
      address: { street: "***", city: "Milano", zip: "20***", country: "IT", geo: { lat: 45.5, lon: 9.2 } },
      credential: { username: "m***" },
      socialProfile: { twitter: "@***" },
      jobs: [{ companyName: "ACME" }],
    });
    expect(masked.identities.map((identity) => identity.value)).toEqual(["m***@g***.com", "+39 *** *** 4567", "C***"]);
    expect(masked.tags).toEqual(["vip"]);
    expect(masked.extended).toEqual({ tier: "gold" });
  });

  it("does not change its input and leaves absent fields absent", () => {
    const before = structuredClone(customer);
    maskCustomer(customer);
    expect(customer).toEqual(before);
    const empty = maskCustomer({ ...customer, externalId: null, base: {}, identities: [] });
    expect(empty.base).toEqual({});
    expect(empty.externalId).toBeNull();
  });
});

describe("the masked shape", () => {
  it("is valid MaskedCustomerBase, which a plain CustomerBase is not after masking (dob, e-mail)", () => {
    const masked = maskCustomer(customer);
    expect(masked.masked).toBe(true);
    const result = ZMaskedCustomerBase.safeParse(masked.base);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(ZCustomerBase.safeParse(masked.base).success).toBe(false);
    // The masked shape does not accept clear values where it promises masked ones.
    expect(ZMaskedCustomerBase.safeParse({ dob: "1985-12-01" }).success).toBe(false);
    expect(ZMaskedCustomerBase.safeParse({ contacts: { email: "mario.rossi@gmail.com" } }).success).toBe(false);
  });
});
