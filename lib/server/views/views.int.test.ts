// Views through their endpoints: CRUD, checks at save time, customers through a view (masked or not),
// and isolation between workspaces.
import { describe, expect, it } from "vitest";
import * as customers from "@/lib/schemas/customers";
import * as api from "@/lib/schemas/views";
import { db } from "@/lib/server/db/client";
import { call, headersOf, workspaceWithAdmin, type CustomerBody, type ProblemFields } from "@/test/kits/customer-kit";
import { apiClientToken, memberSession } from "@/test/auth-fixtures";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
interface ViewBody extends ProblemFields {
  id: string;
  name: string;
  filter: unknown;
  columns: string[];
  maskPersonalData: boolean;
  createdAt: string;
  updatedAt: string;
}

const ITALIANS = { field: "base.address.country", op: "eq", value: "IT" };
const create = (w: Ws, body: unknown, headers = w.admin) =>
  call<ViewBody>(api.createViewEndpoint, { ws: w.ws, headers, body });
const one = (
  w: Ws,
  endpoint: typeof api.getViewEndpoint | typeof api.updateViewEndpoint | typeof api.deleteViewEndpoint,
  id: string,
  body?: unknown,
) => call<ViewBody>(endpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id }, body });

describe("views CRUD", () => {
  it("creates, reads, lists, changes and deletes a view, auditing each change", async () => {
    const w = await workspaceWithAdmin("Views");
    const user = headersOf(await memberSession(w.ws, "USER"));
    const created = await create(w, { name: "Italians", filter: ITALIANS, columns: ["base.firstName", "tags"] }, user);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/workspaces/${w.ws}/views/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: "Italians",
      filter: ITALIANS,
      columns: ["base.firstName", "tags"],
      maskPersonalData: false,
    });

    expect((await one(w, api.getViewEndpoint, created.body.id)).body).toEqual(created.body);
    await create(w, { name: "Everyone" });
    const listed = await call<{ data: ViewBody[]; nextCursor: string | null }>(api.listViewsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: "limit=1",
    });
    expect(listed.body.data.map((v) => v.name)).toEqual(["Italians"]);
    const rest = await call<{ data: ViewBody[]; nextCursor: string | null }>(api.listViewsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: `cursor=${listed.body.nextCursor}`,
    });
    expect(rest.body.data.map((v) => v.name)).toEqual(["Everyone"]);
    expect(rest.body.data[0].filter).toEqual({ and: [] });

    const patched = await one(w, api.updateViewEndpoint, created.body.id, {
      name: "Italian VIPs",
      filter: { and: [ITALIANS, { tag: "vip" }] },
      maskPersonalData: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Italian VIPs",
      columns: ["base.firstName", "tags"],
      maskPersonalData: true,
    });
    expect((await one(w, api.deleteViewEndpoint, created.body.id)).status).toBe(204);
    expect((await one(w, api.getViewEndpoint, created.body.id)).status).toBe(404);

    const actions = await db().auditEntry.findMany({
      where: { workspaceId: w.ws, targetType: "view" },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["view.created", "view.created", "view.updated", "view.deleted"]);
  });

  it("refuses unknown fields and columns at save time, naming them", async () => {
    const w = await workspaceWithAdmin("Views");
    const shape = await create(w, { name: "Typo", columns: ["base.firstName", "nope", "base.firstName"] });
    expect(shape.status).toBe(422);
    expect(shape.body.errors?.map((e) => e.path)).toEqual(["columns.1", "columns.2"]);
    const res = await create(w, {
      name: "Typo",
      filter: { and: [{ field: "base.adress.country", op: "eq", value: "IT" }] },
      columns: ["base.firstName", "extended.tier"],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: "filter.and.0.field", message: 'Unknown base field "base.adress.country"' },
      { path: "columns.1", message: expect.stringContaining('Unknown extended property "tier"') },
    ]);
    const saved = await create(w, { name: "Fine" });
    const patched = await one(w, api.updateViewEndpoint, saved.body.id, {
      filter: { field: "extended.tier", op: "eq", value: "gold" },
    });
    expect(patched.status).toBe(422);
    expect(patched.body.errors?.[0].path).toBe("filter.field");
    expect(await db().view.count({ where: { workspaceId: w.ws } })).toBe(1);
  });

  it("is invisible from another workspace and forbidden to guests", async () => {
    const w = await workspaceWithAdmin("Views");
    const view = await create(w, { name: "Mine", filter: ITALIANS });
    const other = await workspaceWithAdmin("Views other");
    const otherToken = headersOf(await apiClientToken(other.ws, "ADMIN"));
    for (const endpoint of [
      api.getViewEndpoint,
      api.updateViewEndpoint,
      api.deleteViewEndpoint,
      api.listViewCustomersEndpoint,
    ]) {
      // Their own workspace in the path, our view's id: not found.
      const res = await call(endpoint, {
        ws: other.ws,
        headers: other.admin,
        params: { ws: other.ws, id: view.body.id },
        body: { name: "x" },
      });
      expect(res.status).toBe(404);
      // Our workspace in the path with their token: not found either.
      expect(
        (
          await call(endpoint, {
            ws: w.ws,
            headers: otherToken,
            params: { ws: w.ws, id: view.body.id },
            body: { name: "x" },
          })
        ).status,
      ).toBe(404);
    }
    const guest = headersOf(await memberSession(w.ws, "GUEST"));
    expect((await create(w, { name: "Nope" }, guest)).status).toBe(403);
    expect(
      (await call(api.getViewEndpoint, { ws: w.ws, headers: guest, params: { ws: w.ws, id: view.body.id } })).status,
    ).toBe(200);
  });
});

describe("GET /views/{id}/customers", () => {
  it("lists the view's customers, masked when the view masks personal data", async () => {
    const w = await workspaceWithAdmin("Views");
    const mario = {
      externalId: "CRM-1",
      base: {
        firstName: "Mario",
        lastName: "Rossi",
        dob: "1985-12-01",
        contacts: { email: "mario.rossi@gmail.com", mobilePhone: "+39 347 123 4567" },
        address: { street: "Via Roma 1", zip: "20121", city: "Milano", country: "IT" },
      },
    };
    expect((await call(customers.createCustomerEndpoint, { ws: w.ws, headers: w.admin, body: mario })).status).toBe(
      201,
    );
    expect(
      (
        await call(customers.createCustomerEndpoint, {
          ws: w.ws,
          headers: w.admin,
          body: { base: { firstName: "John", address: { country: "US" } } },
        })
      ).status,
    ).toBe(201);
    const plain = await create(w, { name: "Italians", filter: ITALIANS });
    const masked = await create(w, { name: "Italians (masked)", filter: ITALIANS, maskPersonalData: true });
    // A user: guests see personal data masked whatever the view (masking by role, test/masking-matrix.int.test.ts).
    const reader = headersOf(await memberSession(w.ws, "USER"));
    const read = (id: string) =>
      call<{ data: CustomerBody[]; nextCursor: string | null }>(api.listViewCustomersEndpoint, {
        ws: w.ws,
        headers: reader,
        params: { ws: w.ws, id },
        query: "limit=10",
      });

    const clear = await read(plain.body.id);
    expect(clear.status).toBe(200);
    expect(clear.body.data.map((c) => c.base.firstName)).toEqual(["Mario"]);
    expect(clear.body.data[0].base.contacts).toMatchObject({ email: "mario.rossi@gmail.com" });

    const hidden = (await read(masked.body.id)).body.data[0];
    expect(hidden.externalId).toBe("C***");
    expect(hidden.base).toMatchObject({
      firstName: "M***",
      lastName: "R***",
      dob: "1985",
      contacts: { email: "m***@g***.com", mobilePhone: "+39 *** *** 4567" },
      address: { street: "***", zip: "20***", city: "Milano", country: "IT" },
    });
    expect(hidden.identities.map((i) => i.value)).not.toContain("mario.rossi@gmail.com");
    // The masked values have their own valid shape: the contract's schema (what the admin app's client
    // checks every answer against) accepts the page and keeps it flagged masked; the plain page stays plain.
    const maskedPage = api.listViewCustomersEndpoint.success.schema.safeParse((await read(masked.body.id)).body);
    expect(maskedPage.success, JSON.stringify(maskedPage.error?.issues)).toBe(true);
    expect(maskedPage.data?.data[0]).toMatchObject({ masked: true, base: { dob: "1985" } });
    const clearPage = api.listViewCustomersEndpoint.success.schema.parse(clear.body);
    expect(clearPage.data[0]).not.toHaveProperty("masked");
    // The same masking applies when the view is named on the customer list.
    const viaList = await call<{ data: CustomerBody[] }>(customers.listCustomersEndpoint, {
      ws: w.ws,
      headers: reader,
      query: `viewId=${masked.body.id}`,
    });
    expect(viaList.body.data[0].base.firstName).toBe("M***");
  });
});
