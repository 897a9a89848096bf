import { describe, expect, it } from "vitest";
import { restoreObject, restoreScalar, restoreTags, restoreTopLevel } from "./restore-properties";

describe("3-way restore of unmerge", () => {
  it("restores leaves still holding the merged value and keeps later changes", () => {
    const before = { firstName: "Mario", contacts: { email: "m@x.it" } };
    const after = { firstName: "Marco", lastName: "Rossi", contacts: { email: "m@x.it", phone: "+39 1" } };
    const current = {
      firstName: "Marco",
      lastName: "Bianchi",
      contacts: { email: "m@x.it", phone: "+39 1" },
      dob: "1990-01-01",
    };
    expect(restoreObject(before, after, current)).toEqual({
      firstName: "Mario",
      lastName: "Bianchi",
      contacts: { email: "m@x.it" },
      dob: "1990-01-01",
    });
  });
  it("drops objects that only existed because of the merge", () => {
    expect(restoreObject({}, { address: { city: "Rome" } }, { address: { city: "Rome" } })).toEqual({});
  });
  it("keeps a field removed after the merge removed", () => {
    expect(restoreObject({ a: 1 }, { a: 2 }, {})).toEqual({});
  });
  it("restores extended properties whole", () => {
    expect(restoreTopLevel({ n: 1, l: [1] }, { n: 3, l: [1, 2] }, { n: 3, l: [1, 2, 9] })).toEqual({
      n: 1,
      l: [1, 2, 9],
    });
  });
  it("removes tags the merge added, respecting later changes", () => {
    expect(restoreTags(["a", "b"], ["a", "b", "c", "d"], ["a", "c", "d", "e"])).toEqual(["a", "e"]);
  });
  it("restores scalars only when unchanged since", () => {
    expect(restoreScalar<string | null>(null, "X", "X")).toBeNull();
    expect(restoreScalar<string | null>(null, "X", "Y")).toBe("Y");
  });
});
