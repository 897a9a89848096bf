import { describe, expect, it } from "vitest";
import { columnSortState, nextSort, sortFieldOf, sortLabel } from "./column-sort";

describe("sorting from the explorer's headers", () => {
  it("sorts every column the API sorts by, the name by last name", () => {
    expect(sortFieldOf("base.contacts.email")).toBe("base.contacts.email");
    expect(sortFieldOf("createdAt")).toBe("createdAt");
    expect(sortFieldOf("name")).toBe("base.lastName");
    expect(sortFieldOf("tags")).toBeNull();
    expect(sortFieldOf("extended.points")).toBeNull();
    // Masked: only fields whose order reveals nothing personal.
    expect(sortFieldOf("name", true)).toBeNull();
    expect(sortFieldOf("base.contacts.email", true)).toBeNull();
    expect(sortFieldOf("base.address.city", true)).toBe("base.address.city");
  });

  it("starts text A–Z and times newest first, then turns the order round", () => {
    expect(nextSort("base.lastName", "-createdAt")).toBe("base.lastName");
    expect(nextSort("base.lastName", "base.lastName")).toBe("-base.lastName");
    expect(nextSort("base.lastName", "-base.lastName")).toBe("base.lastName");
    expect(nextSort("updatedAt", "-createdAt")).toBe("-updatedAt");
    expect(nextSort("createdAt", "-createdAt")).toBe("createdAt");
    expect(nextSort("tags", "-createdAt")).toBe("-createdAt");
  });

  it("says which column is sorted and how", () => {
    expect(columnSortState("createdAt", "-createdAt")).toBe("descending");
    expect(columnSortState("name", "base.lastName")).toBe("ascending");
    expect(columnSortState("base.lastName", "-createdAt")).toBe("none");
    expect(columnSortState("tags", "-createdAt")).toBe("none");
  });

  it("names a sort in words", () => {
    const labelOf = (field: string) => ({ "base.lastName": "Last name", createdAt: "Created" })[field] ?? field;
    expect(sortLabel("-base.lastName", labelOf)).toBe("Last name Z–A");
    expect(sortLabel("createdAt", labelOf)).toBe("Created, oldest first");
  });
});
