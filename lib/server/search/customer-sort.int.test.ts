// Sorting customer lists by text fields: case ignored, empty values last in both directions, every
// customer exactly once when paging through, and the same order for listing, search and free text.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import * as api from "@/lib/schemas/customers";
import { AppError } from "@/lib/server/core/errors";
import { TEXT_SORT_BUDGET_MS } from "./customer-sort";
import { searchCustomers } from "./search-customers";
import { memberSession } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
interface Page {
  data: { externalId: string | null; base: { lastName?: string } }[];
  nextCursor: string | null;
  code?: string;
}

const PEOPLE: [string, string | undefined][] = [
  ["p1", "rossi"],
  ["p2", "Bianchi"],
  ["p3", undefined],
  ["p4", "Ángeli"],
  ["p5", "ROSSI"],
  ["p6", ""],
  ["p7", "Verdi"],
  ["p8", "bianchi"],
];

async function workspace(): Promise<Ws> {
  const w = await workspaceWithAdmin("Sorting");
  for (const [externalId, lastName] of PEOPLE) {
    const res = await call<CustomerBody>(api.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { externalId, base: { firstName: "Test", ...(lastName === undefined ? {} : { lastName }) } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return w;
}

/** Every page of a listing, two customers a page, as external ids. */
async function pagedIds(w: Ws, query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: Page } = await call<Page>(api.listCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: `${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.data.map((c) => c.externalId ?? "?"));
    cursor = res.body.nextCursor;
  } while (cursor && ids.length < 50);
  return ids;
}

const lastNames = (ids: string[]) => ids.map((id) => PEOPLE.find(([externalId]) => externalId === id)?.[1] ?? "–");

describe("sorting by a text field", () => {
  it("ignores case, keeps customers without a value last both ways, and pages through each once", async () => {
    const w = await workspace();
    const ascending = await pagedIds(w, "sort=base.lastName");
    expect(ascending).toHaveLength(PEOPLE.length);
    expect(new Set(ascending).size).toBe(PEOPLE.length);
    // The collation orders accents with their letter; the empty ones come last, by id.
    expect(
      lastNames(ascending)
        .slice(0, 6)
        .map((name) => name.toLowerCase()),
    ).toEqual(["ángeli", "bianchi", "bianchi", "rossi", "rossi", "verdi"]);
    expect(lastNames(ascending.slice(6)).sort()).toEqual(["", "–"]);

    const descending = await pagedIds(w, "sort=-base.lastName");
    expect(
      lastNames(descending)
        .slice(0, 6)
        .map((name) => name.toLowerCase()),
    ).toEqual(["verdi", "rossi", "rossi", "bianchi", "bianchi", "ángeli"]);
    expect(lastNames(descending.slice(6)).sort()).toEqual(["", "–"]);
  });

  it("orders search results and free text the same way", async () => {
    const w = await workspace();
    const search = await call<Page>(api.searchCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { filter: { field: "base.firstName", op: "eq", value: "Test" }, sort: "base.lastName", limit: 3 },
    });
    expect(search.status).toBe(200);
    expect(lastNames(search.body.data.map((c) => c.externalId ?? "")).map((n) => n.toLowerCase())).toEqual([
      "ángeli",
      "bianchi",
      "bianchi",
    ]);
    expect(await pagedIds(w, "sort=-externalId&q=test")).toEqual(["p8", "p7", "p6", "p5", "p4", "p3", "p2", "p1"]);
  });

  it("refuses a cursor of another sort", async () => {
    const w = await workspace();
    const first = await call<Page>(api.listCustomersEndpoint, { ws: w.ws, headers: w.admin, query: "limit=2" });
    const res = await call<Page>(api.listCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: `sort=base.lastName&limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    });
    expect(res.status).toBe(422);
    const unknown = await call<Page>(api.listCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: "sort=base.gender",
    });
    expect(unknown.status).toBe(422);
  });
});

describe("sorting when personal data is masked", () => {
  it("refuses an order by a masked field, and allows the others", async () => {
    const w = await workspace();
    const guest = headersOf(await memberSession(w.ws, "GUEST"));
    const refused = await call<Page & { errors?: { path: string }[] }>(api.listCustomersEndpoint, {
      ws: w.ws,
      headers: guest,
      query: "sort=-base.lastName",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.path).toBe("query.sort");
    const search = await call<Page>(api.searchCustomersEndpoint, {
      ws: w.ws,
      headers: guest,
      body: { filter: { and: [] }, sort: "base.contacts.email" },
    });
    expect(search.status).toBe(403);
    for (const sort of ["base.address.city", "-createdAt", "updatedAt"])
      expect(
        (await call<Page>(api.listCustomersEndpoint, { ws: w.ws, headers: guest, query: `sort=${sort}` })).status,
      ).toBe(200);
  });
});

describe("the time bound of text sorts", () => {
  it("answers 422 naming sort when a page would take longer than its budget", async () => {
    const w = await workspace();
    // A condition that takes a second a customer stands in for a huge audience.
    const slow = [Prisma.sql`pg_sleep(1) IS NOT NULL`];
    const started = Date.now();
    const error = await searchCustomers({ workspaceId: w.ws, conditions: slow, sort: "base.lastName" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    expect((error as AppError).options.errors?.map((e) => e.path)).toEqual(["sort"]);
    expect(Date.now() - started).toBeLessThan(TEXT_SORT_BUDGET_MS + 2_000);
  }, 20_000);
});
