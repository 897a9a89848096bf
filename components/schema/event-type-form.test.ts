import { describe, expect, it } from "vitest";
import { ZEventTypeCreate } from "@/lib/schemas/event-types";
import { ZCustomEventTypeSchema } from "@/lib/server/events/custom-type-schema";
import {
  allowsOtherProperties,
  declaredEventProperties,
  EMPTY_EVENT_TYPE,
  eventPropertyRowIssues,
  eventTypeCreateBody,
  type EventPropertyRow,
  type EventTypeFormValues,
} from "./event-type-form";

const testDrive: EventTypeFormValues = {
  ...EMPTY_EVENT_TYPE,
  type: " bookedTestDrive ",
  label: " Booked a test drive ",
  mode: "ACTIVE",
  properties: [
    { name: "model", kind: "string", required: true, values: [] },
    { name: "on", kind: "date", required: false, values: [] },
    { name: "fuel", kind: "enum", required: false, values: ["petrol", "electric"] },
    { name: "extras", kind: "list", required: false, values: [] },
    { name: "seats", kind: "integer", required: false, values: [] },
  ],
  allowOtherProperties: false,
};

describe("eventTypeCreateBody", () => {
  it("builds the JSON Schema the server's checker accepts", () => {
    const body = eventTypeCreateBody(testDrive);
    expect(body).toEqual({
      type: "bookedTestDrive",
      label: "Booked a test drive",
      mode: "ACTIVE",
      propertiesSchema: {
        type: "object",
        properties: {
          model: { type: "string" },
          on: { type: "string", format: "date" },
          fuel: { type: "string", enum: ["petrol", "electric"] },
          extras: { type: "array", items: { type: "string" } },
          seats: { type: "integer" },
        },
        required: ["model"],
        additionalProperties: false,
      },
    });
    expect(ZEventTypeCreate.safeParse(body).success).toBe(true);
    expect(ZCustomEventTypeSchema.safeParse(body.propertiesSchema).success).toBe(true);
  });

  it("leaves out an empty label, an empty required list and additionalProperties when others are allowed", () => {
    const body = eventTypeCreateBody({ ...EMPTY_EVENT_TYPE, type: "calledUs" });
    expect(body).toEqual({ type: "calledUs", mode: "ACTIVE", propertiesSchema: { type: "object", properties: {} } });
  });

  it("reads back what it wrote", () => {
    const schema = eventTypeCreateBody(testDrive).propertiesSchema ?? null;
    // By name: jsonb does not keep the declared order.
    expect(declaredEventProperties(schema)).toEqual([
      { name: "extras", kind: "list", required: false, values: [] },
      { name: "fuel", kind: "enum", required: false, values: ["petrol", "electric"] },
      { name: "model", kind: "string", required: true, values: [] },
      { name: "on", kind: "date", required: false, values: [] },
      { name: "seats", kind: "integer", required: false, values: [] },
    ]);
    expect(allowsOtherProperties(schema)).toBe(false);
  });
});

describe("declaredEventProperties", () => {
  it("understands declarations the form cannot make, and a schema without properties", () => {
    expect(
      declaredEventProperties({
        type: "object",
        properties: {
          at: { type: "string", format: "date-time" },
          score: { type: "number", enum: [1, 2] },
          car: { type: "object" },
        },
      }),
    ).toEqual([
      { name: "at", kind: "datetime", required: false, values: [] },
      { name: "car", kind: "object", required: false, values: [] },
      { name: "score", kind: "enum", required: false, values: [1, 2] },
    ]);
    expect(declaredEventProperties(null)).toEqual([]);
    expect(allowsOtherProperties(null)).toBe(true);
  });
});

describe("eventPropertyRowIssues", () => {
  it("flags unnamed rows and repeated names, which the API could not point at", () => {
    const row: Omit<EventPropertyRow, "name"> = { kind: "string", required: false, values: [] };
    const issues = eventPropertyRowIssues([
      { ...row, name: "model" },
      { ...row, name: " " },
      { ...row, name: "model " },
      { ...row, name: "fuel", kind: "enum" },
      { ...row, name: "colour", kind: "enum", values: ["red"] },
    ]);
    expect([...issues]).toEqual([
      [1, "Name the property or remove the row"],
      [2, '"model" is listed twice'],
      [3, "List at least one allowed value"],
    ]);
  });
});
