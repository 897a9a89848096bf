import { describe, expect, it } from "vitest";
import type { MergeSide } from "./combine-properties";
import { planMerge, valueAtPath, type MergeParty } from "./plan-merge";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

function party(id: string, overrides: Partial<MergeSide>): MergeParty {
  return {
    id,
    side: {
      externalId: null,
      base: {},
      extended: {},
      tags: [],
      consents: {},
      updatedAt: at(1),
      sourcePriority: 0,
      ...overrides,
    },
  };
}

const anna = party("s", {
  updatedAt: at(1),
  base: { firstName: "Anna", address: { street: "Via Roma 1", city: "Roma", zip: "00100" } },
  extended: { visits: 2 },
});
const anne = party("a", {
  updatedAt: at(2),
  base: { firstName: "Anne", address: { zip: "10919", city: "Berlin" }, contacts: { email: "anne@example.com" } },
  extended: { visits: 3 },
});

describe("planMerge", () => {
  it("takes an address whole from the newer profile, never mixing the two", () => {
    const [step] = planMerge(anna, [anne], {});
    expect(step.after.base.address).toEqual({ zip: "10919", city: "Berlin" });
    expect(step.before.base).toEqual(anna.side.base);
    expect(step.absorbed.base).toEqual(anne.side.base);
  });

  it("puts the chosen customer's value of each named field in place, whole", () => {
    const [step] = planMerge(anna, [anne], { visits: "sum" }, { "base.address": "s", "base.firstName": "s" });
    expect(step.after.base).toEqual({
      firstName: "Anna",
      address: { street: "Via Roma 1", city: "Roma", zip: "00100" },
      contacts: { email: "anne@example.com" },
    });
    // Fields not chosen follow the policies.
    expect(step.after.extended).toEqual({ visits: 5 });
  });

  it("removes a field when the chosen customer has no value for it", () => {
    const [step] = planMerge(anna, [anne], {}, { "base.contacts.email": "s", "extended.visits": "a" });
    expect(step.after.base.contacts).toBeUndefined();
    expect(step.after.extended).toEqual({ visits: 3 });
  });

  it("absorbs oldest first and applies a choice from the step that brings its customer in", () => {
    const bert = party("b", { updatedAt: at(3), base: { firstName: "Bert" }, externalId: "B-1" });
    const steps = planMerge(anna, [bert, anne], {}, { "base.firstName": "a", externalId: "b" });
    expect(steps.map((s) => s.absorbedId)).toEqual(["a", "b"]);
    expect(steps[0].after.externalId).toBeNull();
    expect(steps[1].before).toEqual(steps[0].after);
    expect(steps[1].after.base.firstName).toBe("Anne");
    expect(steps[1].after.externalId).toBe("B-1");
  });

  it("reads values by choice path", () => {
    expect(valueAtPath(anne.side, "base.contacts.email")).toBe("anne@example.com");
    expect(valueAtPath(anne.side, "extended.visits")).toBe(3);
    expect(valueAtPath(anne.side, "externalId")).toBeNull();
    expect(valueAtPath(anne.side, "base.jobs")).toBeUndefined();
  });
});
