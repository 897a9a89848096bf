import { describe, expect, it } from "vitest";
import { filenameFromDisposition } from "@/lib/client/download-csv";
import { describeFilter } from "@/components/filters/filter-summary";
import { buildFilterFields, fieldById } from "@/components/filters/filter-fields";
import { csvRequest, explorerRequest, requestParams } from "./explorer-request";

describe("which request the explorer makes", () => {
  it("reads an unchanged view through the view, with free text", () => {
    expect(explorerRequest({ unchangedViewId: "v1", filter: { tag: "x" }, q: " ro ", sort: "-createdAt" })).toEqual({
      kind: "list",
      viewId: "v1",
      q: "ro",
      sort: "-createdAt",
    });
  });

  it("lists without a filter and ignores a one-letter search", () => {
    expect(explorerRequest({ filter: { and: [] }, q: "m", sort: "createdAt" })).toEqual({
      kind: "list",
      q: undefined,
      sort: "createdAt",
    });
  });

  it("searches with a filter, adding the words to it", () => {
    const request = explorerRequest({ filter: { tag: "vip" }, q: "rossi", sort: "-createdAt" });
    expect(request).toMatchObject({
      kind: "search",
      prefix: "filter.and.0",
      filter: { and: [{ tag: "vip" }, { or: expect.any(Array) }] },
    });
  });

  it("keys equal filters alike whatever their key order", () => {
    const a = explorerRequest({
      filter: { field: "base.gender", op: "eq", value: "female" },
      q: "",
      sort: "-createdAt",
    });
    const b = explorerRequest({
      filter: { value: "female", op: "eq", field: "base.gender" } as never,
      q: "",
      sort: "-createdAt",
    });
    expect(requestParams(a, 50, undefined)).toEqual(requestParams(b, 50, undefined));
  });

  it("exports the same selection as CSV", () => {
    expect(csvRequest("w1", { kind: "list", viewId: "v1", q: "ro", sort: "-createdAt" }, "VIP").url).toBe(
      "/api/v1/workspaces/w1/customers?q=ro&viewId=v1&sort=-createdAt",
    );
    const search = csvRequest("w1", { kind: "search", filter: { tag: "a" }, prefix: "filter", sort: "createdAt" });
    expect(search).toMatchObject({
      method: "POST",
      url: "/api/v1/workspaces/w1/customers/search",
      body: { filter: { tag: "a" }, sort: "createdAt" },
    });
  });

  it("reads the download's file name", () => {
    expect(filenameFromDisposition('attachment; filename="view-VIPs.csv"')).toBe("view-VIPs.csv");
    expect(filenameFromDisposition("attachment; filename*=UTF-8''caf%C3%A9.csv")).toBe("café.csv");
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe("filter summary", () => {
  const fields = buildFilterFields();
  const fieldOf = (id: string) => fieldById(fields, id);
  it("says what a view selects", () => {
    expect(describeFilter({ and: [] }, fieldOf)).toBe("All customers");
    expect(
      describeFilter(
        {
          and: [
            { field: "base.address.country", op: "eq", value: "IT" },
            { or: [{ tag: "vip" }, { not: { tag: "churned" } }] },
          ],
        },
        fieldOf,
      ),
    ).toBe("Country is Italy and (has tag vip or does not have tag churned)");
    expect(
      describeFilter(
        { field: "createdAt", op: "between", value: ["2024-01-01T00:00:00.000Z", "2024-01-31T23:59:59.999Z"] },
        fieldOf,
      ),
    ).toBe("Created is between 2024-01-01 and 2024-01-31");
    expect(describeFilter({ event: { type: "completedOrder", within: "P30D" } }, fieldOf)).toBe(
      "Completed an order in the last 30 days",
    );
    expect(describeFilter({ event: { type: "bookedTestDrive", count: { gte: 2 } } }, fieldOf)).toBe(
      "Did bookedTestDrive at least 2 times",
    );
  });
});
