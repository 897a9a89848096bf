// Events, consents, tags, and/or/not, and hostile input against a real PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createFilterTestWorkspace, type FilterTestWorkspace } from "@/test/kits/filter-customers";

let ws: FilterTestWorkspace;
const ALL = ["anna", "bruno", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"];
const order = (more: object = {}) => ({ event: { type: "completedOrder", ...more } });
const without = (names: string[]) => ALL.filter((name) => !names.includes(name));

beforeAll(async () => {
  ws = await createFilterTestWorkspace();
});

describe("events", () => {
  it.each([
    ["any time (anonymous and other workspaces' events never count)", order(), ["anna", "bruno", "chloe"]],
    ["within P30D", order({ within: "P30D" }), ["anna", "chloe"]],
    ["within PT12H", order({ within: "PT12H" }), []],
    ["another type within PT12H", { event: { type: "viewedPage", within: "PT12H" } }, ["bruno"]],
    ["count gte 2", order({ count: { gte: 2 } }), ["anna"]],
    ["count gte 3", order({ count: { gte: 3 } }), ["anna"]],
    ["count gte 4", order({ count: { gte: 4 } }), []],
    ["count eq 1", order({ count: { eq: 1 } }), ["bruno", "chloe"]],
    ["count lte 1 (none counts)", order({ count: { lte: 1 } }), without(["anna"])],
    ["count eq 0", order({ count: { eq: 0 } }), without(["anna", "bruno", "chloe"])],
    ["count gte 0", order({ count: { gte: 0 } }), ALL],
    ["count gte 1 lte 2 within P30D", order({ within: "P30D", count: { gte: 1, lte: 2 } }), ["anna", "chloe"]],
    ["count eq 1 within P30D", order({ within: "P30D", count: { eq: 1 } }), ["chloe"]],
    ["a nested property", order({ properties: { "amount.currency": "USD" } }), ["chloe"]],
    ["several properties", order({ properties: { "amount.currency": "EUR", orderId: "anna-60" } }), ["anna"]],
    [
      "properties and within",
      order({ within: "P30D", properties: { "amount.currency": "EUR", "amount.total": 10 } }),
      ["anna"],
    ],
    ["not", { not: order() }, without(["anna", "bruno", "chloe"])],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("consents", () => {
  const email = "marketing.automatic.email";
  it.each([
    ["status true", { consent: email, status: true }, ["anna", "max"]],
    [
      "status false: only customers who answered no, not those never asked",
      { consent: email, status: false },
      ["bruno"],
    ],
    ["not status true: everyone without consent", { not: { consent: email, status: true } }, without(["anna", "max"])],
    ["objection", { consent: email, objection: true }, ["bruno"]],
    ["several flags", { consent: email, status: true, limitation: true }, ["max"]],
    ["no flags: a state was recorded", { consent: "profiling.online" }, ["chloe"]],
    ["a leaf nobody has", { consent: "softSpam.email", status: false }, []],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("tags and logic", () => {
  it.each([
    ["tag", { tag: "vip" }, ["anna", "dan"]],
    ["tag (case matters)", { tag: "VIP" }, ["max"]],
    ["and", { and: [{ field: "base.address.country", op: "eq", value: "IT" }, { tag: "vip" }] }, ["anna"]],
    [
      "or",
      { or: [{ field: "base.address.country", op: "eq", value: "FR" }, { tag: "vip" }] },
      ["anna", "chloe", "dan"],
    ],
    [
      "not or",
      { not: { or: [{ field: "base.address.country", op: "eq", value: "FR" }, { tag: "vip" }] } },
      without(["anna", "chloe", "dan"]),
    ],
    [
      "nesting",
      {
        and: [
          { or: [{ tag: "vip" }, order({ within: "P30D" })] },
          { not: { field: "base.address.country", op: "eq", value: "IT" } },
        ],
      },
      ["chloe", "dan"],
    ],
    ["empty and: everyone", { and: [] }, ALL],
    ["empty or: no one", { or: [] }, []],
    ["not empty or: everyone", { not: { or: [] } }, ALL],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });

  it("makes neq exactly not eq, and every condition the complement of its negation", async () => {
    const conditions = [
      { field: "base.address.country", op: "eq", value: "IT" },
      { field: "base.dob", op: "lt", value: "2000-01-01" },
      { field: "extended.points", op: "gt", value: 50 },
      { field: "base.contacts.email", op: "contains", value: "example" },
      { field: "extended.colours", op: "in", value: ["red"] },
      { consent: "marketing.automatic.email", status: false },
      order({ count: { gte: 2 } }),
    ];
    for (const condition of conditions) {
      const matched = await ws.match(condition);
      expect([...matched, ...(await ws.match({ not: condition }))].sort()).toEqual(ALL);
    }
    expect(await ws.match({ field: "base.address.country", op: "neq", value: "IT" })).toEqual(
      await ws.match({ not: { field: "base.address.country", op: "eq", value: "IT" } }),
    );
  });
});

describe("hostile input", () => {
  const hostile = [
    `x' OR '1'='1`,
    `'; DELETE FROM "Customer"; --`,
    `vip"}]'::jsonb OR TRUE --`,
    `\\'; SELECT pg_sleep(10); --`,
  ];

  it("treats SQL-looking strings as plain values: no rows, no error, no damage", async () => {
    const before = await db().customer.count({ where: { workspaceId: ws.workspaceId } });
    for (const value of hostile) {
      expect(await ws.match({ field: "base.firstName", op: "eq", value })).toEqual([]);
      expect(await ws.match({ field: "base.lastName", op: "contains", value })).toEqual([]);
      expect(await ws.match({ field: "externalId", op: "in", value: [value, "nobody"] })).toEqual([]);
      expect(await ws.match({ field: "extended.colours", op: "eq", value })).toEqual([]);
      expect(await ws.match({ tag: value })).toEqual([]);
      expect(await ws.match({ event: { type: value, properties: { [value]: value } } })).toEqual([]);
    }
    expect(await db().customer.count({ where: { workspaceId: ws.workspaceId } })).toBe(before);
  });

  it("refuses an unknown field name that looks like SQL with a 422, not a query", async () => {
    await expect(ws.match({ field: `base.firstName" OR 1=1 --`, op: "eq", value: "x" })).rejects.toMatchObject({
      code: "validation_failed",
      options: { errors: [{ path: "filter.field" }] },
    });
  });
});
