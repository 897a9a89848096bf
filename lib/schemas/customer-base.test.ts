import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BASE_FIELDS, ZCustomerBase, type BaseFieldType } from "./customer-base";

const FULL = {
  pictureUrl: "https://cdn.example.com/anna.jpg",
  title: "Dr",
  prefix: "Ms",
  firstName: "Anna",
  lastName: "Rossi",
  middleName: "Maria",
  gender: "female",
  dob: "1990-05-17",
  locale: "it_IT",
  timezone: "Europe/Rome",
  contacts: {
    email: "anna.rossi@example.com",
    phone: "+39 02 1234567",
    mobilePhone: "+39 333 1234567",
    fax: null,
    otherContacts: [{ name: "work", type: "EMAIL", value: "anna@acme.example" }],
    mobileDevices: [
      { identifier: "abc123", appId: "com.acme.app", name: "Pixel", type: "ANDROID", notificationService: "GCM" },
    ],
  },
  address: {
    street: "Via Roma 1",
    city: "Milano",
    province: "MI",
    region: "Lombardia",
    zip: "20100",
    country: "IT",
    geo: { lat: 45.46, lon: 9.19 },
  },
  credential: { username: "anna" },
  socialProfile: {
    facebook: "anna.rossi",
    google: null,
    instagram: "@anna",
    linkedin: "in/anna",
    qzone: null,
    twitter: "@anna",
  },
  educations: [
    {
      id: "e1",
      schoolType: "COLLEGE",
      schoolName: "Politecnico",
      schoolConcentration: "Design",
      startYear: 2008,
      endYear: 2013,
      isCurrent: false,
    },
  ],
  likes: [{ id: "l1", category: "Music", name: "Jazz", createdTime: "2020-01-01T10:00:00Z" }],
  jobs: [
    {
      id: "j1",
      companyIndustry: "Retail",
      companyName: "ACME",
      jobTitle: "Buyer",
      startDate: "2015-03-01",
      endDate: null,
      isCurrent: true,
    },
  ],
  subscriptions: [
    {
      id: "s1",
      name: "Newsletter",
      type: "email",
      kind: "DIGITAL_MESSAGE",
      subscribed: true,
      startDate: "2021-06-01T00:00:00+02:00",
      endDate: null,
      subscriberId: "sub-1",
      preferences: [{ key: "frequency", value: "weekly" }],
    },
  ],
};

function issuesOf(input: unknown): Array<[string, string]> {
  const result = ZCustomerBase.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

function pathsOf(input: unknown): string[] {
  return issuesOf(input).map(([path]) => path);
}

describe("ZCustomerBase", () => {
  it("accepts the full standard structure", () => {
    expect(ZCustomerBase.parse(FULL)).toEqual(FULL);
  });

  it("accepts an empty base and null for every top-level field (merge-patch removals)", () => {
    expect(ZCustomerBase.parse({})).toEqual({});
    const allNull = Object.fromEntries(
      Object.keys(ZCustomerBase.shape)
        .filter((key) => key !== "credential")
        .map((key) => [key, null]),
    );
    expect(ZCustomerBase.safeParse(allNull).success).toBe(true);
  });

  it("accepts locales with a script or variant and leap days", () => {
    expect(pathsOf({ locale: "zh_Hans_CN", dob: "2000-02-29" })).toEqual([]);
  });

  it.each([
    ["gender", { gender: "f" }],
    ["dob", { dob: "17/05/1990" }],
    ["dob", { dob: "2023-02-29" }],
    ["dob", { dob: "1990-05-17T00:00:00Z" }],
    ["locale", { locale: "it-IT" }],
    ["locale", { locale: "IT_it" }],
    ["timezone", { timezone: "Mars/Olympus_Mons" }],
    ["timezone", { timezone: "+01:00" }],
    ["pictureUrl", { pictureUrl: "javascript:alert(1)" }],
    ["contacts.email", { contacts: { email: "anna@" } }],
    ["contacts.otherContacts.0.type", { contacts: { otherContacts: [{ type: "SKYPE" }] } }],
    ["contacts.mobileDevices.0.type", { contacts: { mobileDevices: [{ type: "BLACKBERRY" }] } }],
    ["contacts.mobileDevices.0.notificationService", { contacts: { mobileDevices: [{ notificationService: "FCM" }] } }],
    ["address.country", { address: { country: "it" } }],
    ["address.country", { address: { country: "ITA" } }],
    ["address.geo.lat", { address: { geo: { lat: 90.5, lon: 0 } } }],
    ["address.geo.lon", { address: { geo: { lat: 0, lon: -180.1 } } }],
    ["address.geo.lon", { address: { geo: { lat: 0 } } }],
    ["educations.0.schoolType", { educations: [{ schoolType: "KINDERGARTEN" }] }],
    ["educations.0.startYear", { educations: [{ startYear: 99 }] }],
    ["likes.0.createdTime", { likes: [{ createdTime: "yesterday" }] }],
    ["jobs.0.startDate", { jobs: [{ startDate: "March 2015" }] }],
    ["subscriptions.0.kind", { subscriptions: [{ kind: "NEWSLETTER" }] }],
    ["subscriptions.0.subscribed", { subscriptions: [{ subscribed: "yes" }] }],
    ["subscriptions.0.preferences.0.key", { subscriptions: [{ preferences: [{ value: "weekly" }] }] }],
    ["firstName", { firstName: 42 }],
    ["lastName", { lastName: "x".repeat(256) }],
  ])("rejects a bad %s", (path, input) => {
    expect(pathsOf(input)).toEqual([path]);
  });

  it("rejects credential.password with a message that says why, even when null", () => {
    expect(issuesOf({ credential: { username: "anna", password: "secret" } })).toEqual([
      ["credential.password", "Atrium never stores passwords: remove credential.password"],
    ]);
    expect(pathsOf({ credential: { password: null } })).toEqual(["credential.password"]);
  });

  it("rejects unknown keys, naming them, at every level", () => {
    expect(issuesOf({ fristName: "Anna" })).toEqual([["", 'Unrecognized key: "fristName"']]);
    expect(issuesOf({ address: { stret: "Via Roma" } })).toEqual([["address", 'Unrecognized key: "stret"']]);
    expect(pathsOf({ jobs: [{ title: "Buyer" }] })).toEqual(["jobs.0"]);
  });

  it("stores time zones in their canonical spelling", () => {
    expect(ZCustomerBase.parse({ timezone: "europe/rome" }).timezone).toBe("Europe/Rome");
  });
});

/** Walks the schema the way a filter sees it: objects are descended, arrays and scalars are leaves. */
function leavesOf(schema: z.ZodType, path: string): Array<[string, BaseFieldType | "boolean" | "never"]> {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return leavesOf(schema.unwrap() as z.ZodType, path);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      leavesOf(child, `${path}.${key}`),
    );
  }
  if (schema instanceof z.ZodArray) return [[path, "array"]];
  if (schema instanceof z.ZodNever) return [[path, "never"]];
  if (schema instanceof z.ZodNumber) return [[path, "number"]];
  if (schema instanceof z.ZodBoolean) return [[path, "boolean"]];
  if (schema instanceof z.ZodISODate) return [[path, "date"]];
  if (schema instanceof z.ZodString || schema instanceof z.ZodStringFormat || schema instanceof z.ZodEnum)
    return [[path, "string"]];
  throw new Error(`No filter type for ${path} (${schema.def.type}): extend leavesOf and BASE_FIELDS`);
}

describe("BASE_FIELDS", () => {
  it("lists exactly the filterable leaves of ZCustomerBase, with their types", () => {
    const leaves = leavesOf(ZCustomerBase, "base").filter(([, type]) => type !== "never");
    expect(Object.fromEntries(leaves)).toEqual(BASE_FIELDS);
  });
});
