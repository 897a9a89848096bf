// Free-text search (`q`), filters (POST /customers/search) and views on GET /customers, through the routes.
import { describe, expect, it } from "vitest";
import * as api from "@/lib/schemas/customers";
import * as schema from "@/lib/schemas/schema";
import * as views from "@/lib/schemas/views";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin, type CustomerBody, type ProblemFields } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
interface Page extends ProblemFields {
  data: (CustomerBody & { createdAt: string })[];
  nextCursor: string | null;
}

async function create(w: Ws, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(api.createCustomerEndpoint, { ws: w.ws, headers: w.admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const list = (w: Ws, query: string) => call<Page>(api.listCustomersEndpoint, { ws: w.ws, headers: w.admin, query });
const names = (page: Page) => page.data.map((c) => c.base.firstName).sort();
const search = (w: Ws, body: unknown) => call<Page>(api.searchCustomersEndpoint, { ws: w.ws, headers: w.admin, body });

async function people(name = "Search") {
  const w = await workspaceWithAdmin(name);
  await create(w, {
    externalId: "CRM-000417",
    base: {
      firstName: "Nicolò",
      lastName: "Bernasconi",
      contacts: { email: "nicolo.b@posta.example.it", mobilePhone: "+39 347 123 4567" },
      address: { country: "IT" },
    },
    tags: ["vip"],
  });
  await create(w, {
    externalId: "CRM-000982",
    base: {
      firstName: "Anna",
      lastName: "Rossi",
      contacts: { email: "anna.rossi@mail.example.com" },
      address: { country: "IT" },
    },
  });
  await create(w, {
    externalId: "SHOP-77",
    base: {
      firstName: "Robert",
      lastName: "Smith",
      contacts: { email: "rob@example.org" },
      address: { country: "GB" },
    },
    tags: ["vip"],
  });
  return w;
}

describe("GET /customers?q=", () => {
  it("finds customers by part of a name, e-mail, phone or external id", async () => {
    const w = await people();
    expect(names((await list(w, "q=bernas")).body)).toEqual(["Nicolò"]);
    expect(names((await list(w, "q=NICOLO")).body)).toEqual(["Nicolò"]);
    expect(names((await list(w, "q=rossi%40mail")).body)).toEqual(["Anna"]);
    expect(names((await list(w, "q=example")).body)).toEqual(["Anna", "Nicolò", "Robert"]);
    expect(names((await list(w, `q=${encodeURIComponent("347 123")}`)).body)).toEqual(["Nicolò"]);
    expect(names((await list(w, "q=3471234")).body)).toEqual(["Nicolò"]);
    expect(names((await list(w, "q=crm-0009")).body)).toEqual(["Anna"]);
    expect(names((await list(w, "q=smith%20rob")).body)).toEqual(["Robert"]);
    expect(names((await list(w, "q=ro")).body)).toEqual(["Anna", "Robert"]);
    expect((await list(w, "q=zzzz")).body.data).toEqual([]);
  });

  it("takes % and _ literally, combines with other lookups and pages", async () => {
    const w = await people();
    expect((await list(w, "q=%25%25%25")).body.data).toEqual([]);
    expect((await list(w, "q=___")).body.data).toEqual([]);
    expect(names((await list(w, "q=example&tag=vip")).body)).toEqual(["Nicolò", "Robert"]);
    const first = await list(w, "q=example&limit=2");
    expect(first.body.data).toHaveLength(2);
    const second = await list(w, `q=example&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.data, ...second.body.data].map((c) => c.id)).size).toBe(3);
  });

  it("asks for at least 2 characters and stays in its workspace", async () => {
    const w = await people();
    const other = await people("Search other");
    const short = await list(w, "q=a");
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([{ path: "query.q", message: "Type at least 2 characters" }]);
    const mine = await list(w, "q=bernasconi");
    expect(mine.body.data).toHaveLength(1);
    expect((await list(other, "q=bernasconi")).body.data.map((c) => c.id)).not.toContain(mine.body.data[0].id);
  });
});

describe("GET /customers?id=", () => {
  it("answers exactly the customers asked for, in this workspace only", async () => {
    const w = await people();
    const all = (await list(w, "limit=10")).body.data;
    const byName = new Map(all.map((c) => [c.base.firstName, c.id]));
    const [anna, robert] = [byName.get("Anna")!, byName.get("Robert")!];
    expect(names((await list(w, `id=${anna}`)).body)).toEqual(["Anna"]);
    expect(names((await list(w, `id=${anna}&id=${robert}&id=not-an-id&id=${crypto.randomUUID()}`)).body)).toEqual([
      "Anna",
      "Robert",
    ]);
    const other = await people("Other");
    expect((await list(other, `id=${anna}`)).body.data).toEqual([]);
    const tooMany = await list(w, Array.from({ length: 201 }, () => `id=${anna}`).join("&"));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors?.[0]?.path).toBe("query.id");
  });
});

describe("GET /customers?q= with many matches", () => {
  it("pages correctly whether the matches are among the newest customers or only among old ones", async () => {
    const w = await workspaceWithAdmin("Search many");
    const start = Date.parse("2020-01-01T00:00:00Z");
    // 700 matches (more than page-keys.ts probes), every other one among the newest 1,400 customers…
    // (written in SQL: through the API this many customers would take minutes)
    const insert = (from: number, to: number, text: string) => db().$executeRaw`
      INSERT INTO "Customer" ("workspaceId", id, "searchText", "createdAt", "updatedAt")
      SELECT ${w.ws}::uuid, gen_random_uuid(),
             CASE WHEN (${text} = 'mixed' AND i % 2 = 1) OR (${text} = 'sparse' AND i % 100 = 0) THEN 'common ' ELSE 'other ' END || i,
             ${new Date(start).toISOString()}::timestamp + make_interval(secs => i), now()
        FROM generate_series(${from}::int, ${to - 1}::int) AS i`;
    await insert(0, 1400, "mixed");
    const first = await list(w, "q=common&limit=50");
    const expected = Array.from({ length: 50 }, (_, n) => 1399 - 2 * n);
    const numbers = async (page: Page) =>
      (
        await db().customer.findMany({
          where: { id: { in: page.data.map((c) => c.id) } },
          select: { id: true, searchText: true },
        })
      ).map((c) => Number(c.searchText.split(" ")[1]));
    expect((await numbers(first.body)).sort((a, b) => b - a)).toEqual(expected);
    expect(first.body.data.map((c) => c.createdAt)).toEqual(
      [...first.body.data.map((c) => c.createdAt)].sort().reverse(),
    );
    let seen = first.body.data.length;
    for (let cursor = first.body.nextCursor; cursor;) {
      const next = await list(w, `q=common&limit=200&cursor=${cursor}`);
      seen += next.body.data.length;
      cursor = next.body.nextCursor;
    }
    expect(seen).toBe(700);

    // …and then 20,000 newer customers that do not match: the newest window holds none of them.
    await insert(1400, 21_400, "newer");
    const old = await list(w, "q=common&limit=50");
    expect((await numbers(old.body)).sort((a, b) => b - a)).toEqual(expected);

    // …and 1 in 100 of 10,000 newer ones: a page needs a longer walk than the sample.
    await insert(21_400, 31_400, "sparse");
    const sparse = await list(w, "q=common&limit=50");
    expect((await numbers(sparse.body)).sort((a, b) => b - a)).toEqual(
      Array.from({ length: 50 }, (_, n) => 31_300 - 100 * n),
    );
  }, 60_000);
});

describe("POST /customers/search", () => {
  it("answers customers matching a filter, in pages", async () => {
    const w = await people();
    expect(
      names(
        (
          await search(w, {
            filter: { and: [{ field: "base.address.country", op: "eq", value: "IT" }, { tag: "vip" }] },
          })
        ).body,
      ),
    ).toEqual(["Nicolò"]);
    expect(
      names(
        (
          await search(w, {
            filter: {
              or: [
                { field: "base.lastName", op: "startsWith", value: "ros" },
                { field: "externalId", op: "eq", value: "SHOP-77" },
              ],
            },
          })
        ).body,
      ),
    ).toEqual(["Anna", "Robert"]);
    expect(names((await search(w, { filter: { not: { tag: "vip" } } })).body)).toEqual(["Anna"]);
    const first = await search(w, { filter: { and: [] }, sort: "createdAt", limit: 2 });
    expect(names(first.body)).toEqual(["Anna", "Nicolò"]);
    const next = await search(w, { filter: { and: [] }, sort: "createdAt", limit: 2, cursor: first.body.nextCursor });
    expect(names(next.body)).toEqual(["Robert"]);
  });

  it("names unknown fields and bad values", async () => {
    const w = await people();
    const res = await search(w, {
      filter: {
        and: [
          { field: "base.shoeSize", op: "eq", value: 1 },
          { field: "extended.tier", op: "eq", value: "gold" },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["filter.and.0.field", "filter.and.1.field"]);
    const shape = await search(w, { filter: { field: "tags", op: "gt" } });
    expect(shape.status).toBe(422);
    expect(shape.body.errors?.[0].path).toBe("filter.value");
  });

  it("filters on declared extended properties", async () => {
    const w = await workspaceWithAdmin("Search extended");
    await call(schema.putExtendedPropertiesEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { properties: [{ name: "points", type: "integer" }] },
    });
    await create(w, { base: { firstName: "Low" }, extended: { points: 5 } });
    await create(w, { base: { firstName: "High" }, extended: { points: 500 } });
    expect(names((await search(w, { filter: { field: "extended.points", op: "gte", value: 100 } })).body)).toEqual([
      "High",
    ]);
  });
});

describe("GET /customers?viewId=", () => {
  it("applies the view's filter, and 404s for a view of another workspace", async () => {
    const w = await people();
    const view = await call<{ id: string }>(views.createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { name: "Italians", filter: { field: "base.address.country", op: "eq", value: "IT" } },
    });
    expect(names((await list(w, `viewId=${view.body.id}`)).body)).toEqual(["Anna", "Nicolò"]);
    expect(names((await list(w, `viewId=${view.body.id}&q=rossi`)).body)).toEqual(["Anna"]);
    const other = await people("Search other");
    expect((await list(other, `viewId=${view.body.id}`)).status).toBe(404);
  });
});
