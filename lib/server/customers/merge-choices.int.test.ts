// Manual merge with a preview and per-field choices: the preview shows what the merge then does, a chosen
// address survives whole, bad choices are named, and unmerge still restores both profiles exactly.
import { describe, expect, it } from "vitest";
import {
  createCustomerEndpoint,
  listCustomerMergesEndpoint,
  mergeCustomersEndpoint,
  previewCustomerMergeEndpoint,
  unmergeCustomerEndpoint,
} from "@/lib/schemas/customers";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

interface PreviewBody {
  customers: CustomerBody[];
  result: CustomerBody;
  fields: { path: string; from: string | null; chosen: boolean }[];
  errors?: { path: string; message: string }[];
}

async function create({ ws, admin }: Ws, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status).toBe(201);
  return res.body;
}

async function propertiesOf(ws: string, id: string) {
  const row = await db().customer.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id } } });
  return { status: row.status, externalId: row.externalId, base: row.base, extended: row.extended, tags: row.tags };
}

async function twoPeople(w: Ws) {
  await db().extendedProperty.create({
    data: { workspaceId: w.ws, name: "visits", type: "integer", mergePolicy: "sum", options: {} },
  });
  const anna = await create(w, {
    externalId: "A-1",
    base: {
      firstName: "Anna",
      lastName: "Weber",
      contacts: { email: "anna@example.com", mobilePhone: "+49 151 1111111" },
      address: { street: "Unter den Linden 5", city: "Berlin", zip: "10117", country: "DE" },
    },
    extended: { visits: 2 },
    tags: ["newsletter"],
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const anne = await create(w, {
    base: {
      firstName: "Anne",
      contacts: { email: "anne@example.org" },
      address: { city: "Verona", zip: "10919", province: "VE", country: "IT" },
    },
    extended: { visits: 3 },
    tags: ["vip"],
  });
  return { anna, anne };
}

describe("merge preview and choices", () => {
  it("previews, merges with the choices it previewed, and unmerges both back exactly", async () => {
    const w = await workspaceWithAdmin("Merge choices");
    const { anna, anne } = await twoPeople(w);
    const before = { anna: await propertiesOf(w.ws, anna.id), anne: await propertiesOf(w.ws, anne.id) };
    const params = { ws: w.ws, id: anna.id };

    // Without choices the newer profile's address wins whole: no "10919 Berlin VE".
    const plain = await call<PreviewBody>(previewCustomerMergeEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { customerIds: [anne.id] },
    });
    expect(plain.status).toBe(200);
    expect(plain.body.customers.map((c) => c.id)).toEqual([anna.id, anne.id]);
    expect(plain.body.result.base.address).toEqual({ city: "Verona", zip: "10919", province: "VE", country: "IT" });
    const byPath = Object.fromEntries(plain.body.fields.map((f) => [f.path, f]));
    expect(byPath["base.address"]).toEqual({ path: "base.address", from: anne.id, chosen: false });
    expect(byPath["base.lastName"].from).toBe(anna.id);
    expect(byPath["extended.visits"].from).toBeNull(); // summed: neither side's value
    expect(byPath["base.contacts.mobilePhone"].from).toBe(anna.id);
    expect(plain.body.result.extended).toEqual({ visits: 5 });
    // A preview changes nothing.
    expect(await propertiesOf(w.ws, anna.id)).toEqual(before.anna);
    expect(await propertiesOf(w.ws, anne.id)).toEqual(before.anne);

    const choose = { "base.address": anna.id, "base.contacts.email": anne.id, "base.firstName": anna.id };
    const preview = await call<PreviewBody>(previewCustomerMergeEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { customerIds: [anne.id], choose },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.fields.find((f) => f.path === "base.address")).toEqual({
      path: "base.address",
      from: anna.id,
      chosen: true,
    });

    const merged = await call<CustomerBody>(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { customerIds: [anne.id], choose },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.base).toEqual({
      firstName: "Anna",
      lastName: "Weber",
      contacts: { email: "anne@example.org", mobilePhone: "+49 151 1111111" },
      address: { street: "Unter den Linden 5", city: "Berlin", zip: "10117", country: "DE" },
    });
    // The preview showed exactly what the merge did.
    for (const key of ["externalId", "base", "extended", "tags"] as const)
      expect(merged.body[key]).toEqual(preview.body.result[key]);

    const merges = await call<{ data: { id: string; reason: Record<string, unknown> }[] }>(listCustomerMergesEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
    });
    expect(merges.body.data[0].reason).toEqual({ requestedIds: [anne.id], choose });
    const undone = await call(unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { mergeId: merges.body.data[0].id },
    });
    expect(undone.status).toBe(200);
    expect(await propertiesOf(w.ws, anna.id)).toEqual(before.anna);
    expect(await propertiesOf(w.ws, anne.id)).toEqual(before.anne);
  });

  it("names bad choices (422) and refuses preview to non-admins (403) and other workspaces (404)", async () => {
    const w = await workspaceWithAdmin("Merge choices bad");
    const { anna, anne } = await twoPeople(w);
    const params = { ws: w.ws, id: anna.id };
    for (const endpoint of [previewCustomerMergeEndpoint, mergeCustomersEndpoint]) {
      const badPath = await call<PreviewBody>(endpoint, {
        ws: w.ws,
        headers: w.admin,
        params,
        body: { customerIds: [anne.id], choose: { "base.address.city": anna.id, tags: anne.id } },
      });
      expect(badPath.status).toBe(422);
      expect(badPath.body.errors?.map((e) => e.path).sort()).toEqual(["choose.base.address.city", "choose.tags"]);
      const stranger = await call<PreviewBody>(endpoint, {
        ws: w.ws,
        headers: w.admin,
        params,
        body: { customerIds: [anne.id], choose: { "base.address": crypto.randomUUID() } },
      });
      expect(stranger.status).toBe(422);
      expect(stranger.body.errors?.map((e) => e.path)).toEqual(["choose.base.address"]);
    }
    expect((await propertiesOf(w.ws, anne.id)).status).toBe("ACTIVE");

    const user = headersOf(await memberSession(w.ws, "USER"));
    const forbidden = await call(previewCustomerMergeEndpoint, {
      ws: w.ws,
      headers: user,
      params,
      body: { customerIds: [anne.id] },
    });
    expect(forbidden.status).toBe(403);
    const other = await workspaceWithAdmin("Merge choices other");
    const foreign = await call(previewCustomerMergeEndpoint, {
      ws: other.ws,
      headers: other.admin,
      params: { ws: other.ws, id: anna.id },
      body: { customerIds: [anne.id] },
    });
    expect(foreign.status).toBe(404);
  });

  it("masks both profiles and the result for an admin who sees personal data masked", async () => {
    const w = await workspaceWithAdmin("Merge choices masked");
    const { anna, anne } = await twoPeople(w);
    const member = await memberSession(w.ws, "ADMIN");
    await db().membership.updateMany({
      where: { workspaceId: w.ws, userId: member.userId },
      data: { maskPersonalData: true },
    });
    const maskedAdmin = headersOf(member);
    const res = await call<PreviewBody>(previewCustomerMergeEndpoint, {
      ws: w.ws,
      headers: maskedAdmin,
      params: { ws: w.ws, id: anna.id },
      body: { customerIds: [anne.id] },
    });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    for (const secret of ["Weber", "anna@example.com", "Unter den Linden", "1111111"])
      expect(text).not.toContain(secret);
    expect(res.body.result.base.firstName).toBe("A***");
  });
});
