// Masking by role over every endpoint that declares personal data (EndpointContract.personalData): the list
// comes from the endpoint registry, like the permission matrix. One workspace holds a person built through
// several paths (profile, identities, an event with context, a consent with evidence, a view on her name);
// an admin who sees personal data in clear shows which answers carry her values, and a guest (masked by
// default), a user and an admin switched to masked must never receive any of them, in JSON or in CSV.
import { beforeAll, describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import * as eventsApi from "@/lib/schemas/events";
import * as consentsApi from "@/lib/schemas/consents";
import * as membersApi from "@/lib/schemas/members";
import * as viewsApi from "@/lib/schemas/views";
import * as meApi from "@/lib/schemas/me";
import { db } from "@/lib/server/db/client";
import { apiClientToken, memberSession } from "./auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type Headers } from "./kits/customer-kit";
import { handlerOf } from "./route-modules";

/** Her values: none of these may reach a masked caller, whatever the endpoint. */
const SECRETS = [
  "Rossi",
  "mario.rossi",
  "mario.second",
  "3471234567",
  "1234567",
  "Via Roma",
  "20121",
  "crm-rossi-4711",
  "203.0.113.42",
];

const PERSON = {
  externalId: "crm-rossi-4711",
  base: {
    firstName: "Mario",
    lastName: "Rossi",
    dob: "1985-04-12",
    contacts: { email: "mario.rossi@example.com", phone: "+393471234567" },
    address: { street: "Via Roma 12", city: "Milano", zip: "20121", country: "IT" },
  },
  tags: ["vip"],
};

let ws: string;
let admin: Headers;
let customerId: string;
let eventId: string;
let viewId: string;
const masked: Record<"guest" | "user" | "admin", Headers> = { guest: {}, user: {}, admin: {} };

const leaked = (text: string) => SECRETS.filter((secret) => text.includes(secret));

/** The path parameters of an endpoint, pointing at her records where the path names them. */
function paramsOf(endpoint: EndpointContract): Record<string, string> {
  const params: Record<string, string> = { ws };
  if (endpoint.path.includes("/customers/{id}")) params.id = customerId;
  else if (endpoint.path.includes("/events/{id}")) params.id = eventId;
  else if (endpoint.path.includes("/views/{id}")) params.id = viewId;
  return params;
}

/** A body that works for each endpoint with personal data (and one carrying her values where it writes). */
function bodyOf(endpoint: EndpointContract): unknown {
  switch (endpoint.operationId) {
    case "createCustomer":
    case "replaceCustomer":
      return PERSON;
    case "patchCustomer":
      return { tags: ["vip", "seen"] };
    case "searchCustomers":
      return { filter: { and: [{ field: "base.address.country", op: "eq", value: "IT" }] } };
    case "createView":
      return { name: `Italy ${crypto.randomUUID().slice(0, 6)}`, filter: { and: [] } };
    case "updateView":
      return { columns: ["base.firstName", "base.contacts.email"] };
    case "addCustomerIdentity":
      return { type: "email", value: "mario.second@example.com" };
    case "mergeCustomers":
    case "previewCustomerMerge":
      return { customerIds: [crypto.randomUUID()] };
    case "unmergeCustomer":
      return { mergeId: crypto.randomUUID() };
    default:
      return {};
  }
}

async function callAs(endpoint: EndpointContract, headers: Headers, accept?: string): Promise<Response> {
  const params = paramsOf(endpoint);
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? crypto.randomUUID());
  const hasBody = endpoint.method !== "GET" && endpoint.method !== "DELETE";
  const req = new Request(`http://atrium.test${path}`, {
    method: endpoint.method,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...(accept ? { accept } : {}),
      ...headers,
    },
    body: hasBody ? JSON.stringify(bodyOf(endpoint)) : undefined,
  });
  return (await handlerOf(endpoint))(req, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  ({ ws, admin } = await workspaceWithAdmin("Masking"));
  const created = await call<{ id: string }>(customersApi.createCustomerEndpoint, { ws, headers: admin, body: PERSON });
  expect(created.status).toBe(201);
  customerId = created.body.id;
  const event = await call<{ id: string }>(eventsApi.createEventEndpoint, {
    ws,
    headers: admin,
    body: {
      type: "viewedPage",
      customerId,
      properties: { url: "https://shop.example/account?email=mario.rossi@example.com" },
      contextInfo: { client: { ip: "203.0.113.42", userAgent: "Mozilla/5.0" } },
    },
  });
  expect(event.status).toBe(201);
  eventId = event.body.id;
  const consent = await call(consentsApi.patchCustomerConsentsEndpoint, {
    ws,
    headers: admin,
    params: { ws, id: customerId },
    body: {
      marketing: { automatic: { email: { status: true } } },
      _meta: { source: "Front desk", evidence: "Signed by Mario Rossi, Via Roma 12" },
    },
  });
  expect(consent.status).toBe(200);
  const view = await call<{ id: string }>(viewsApi.createViewEndpoint, {
    ws,
    headers: admin,
    // Its name is the workspace's own label, not a customer's data: it is not masked, so it names no one here.
    body: { name: "One family", filter: { and: [{ field: "base.lastName", op: "eq", value: "Rossi" }] } },
  });
  expect(view.status).toBe(201);
  viewId = view.body.id;
  masked.guest = headersOf(await memberSession(ws, "GUEST"));
  const user = await memberSession(ws, "USER");
  const maskedAdmin = await memberSession(ws, "ADMIN");
  for (const member of [user, maskedAdmin]) {
    const res = await call(membersApi.updateMemberEndpoint, {
      ws,
      headers: admin,
      params: { ws, userId: member.userId },
      body: { maskPersonalData: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ maskPersonalData: true, personalDataMasked: true });
  }
  masked.user = headersOf(user);
  masked.admin = headersOf(maskedAdmin);
});

describe("masking by role over every endpoint with personal data", () => {
  const personal = endpoints.filter((endpoint) => endpoint.personalData);
  const revealedToAdmin: string[] = [];

  it("covers the endpoints that carry personal data", () => {
    expect(personal.length).toBeGreaterThan(20);
  });

  for (const endpoint of personal) {
    const mode = endpoint.personalData!.masked;
    it(`${endpoint.method} ${endpoint.path} (${mode}) for masked guest, user and admin`, async () => {
      // The control: a member who sees personal data in clear (what the endpoint carries).
      const clear = await callAs(endpoint, admin);
      expect(clear.status, await clear.clone().text()).toBeLessThan(500);
      if (leaked(await clear.text()).length > 0) revealedToAdmin.push(endpoint.operationId);
      for (const [who, headers] of Object.entries(masked)) {
        const res = await callAs(endpoint, headers);
        const text = await res.text();
        expect(res.status, `${who}: ${text}`).toBeLessThan(500);
        expect(leaked(text), `${who} got ${endpoint.operationId} in clear: ${text}`).toEqual([]);
        if (mode === "refuse") expect(res.status, `${who}: ${text}`).toBe(403);
      }
    });
  }

  it("tested endpoints whose clear answer holds her values (the checks above can fail)", () => {
    expect(revealedToAdmin).toEqual(
      expect.arrayContaining([
        "createCustomer",
        "getCustomer",
        "patchCustomer",
        "replaceCustomer",
        "listCustomers",
        "searchCustomers",
        "listViewCustomers",
        "listCustomerIdentities",
        "addCustomerIdentity",
        "getEvent",
        "listEvents",
        "listCustomerEvents",
        "listConsentHistory",
        "getView",
        "listViews",
        "exportCustomer",
      ]),
    );
  });

  for (const endpoint of personal.filter((e) => e.csv)) {
    it(`${endpoint.method} ${endpoint.path} as CSV is masked for a masked user`, async () => {
      const clear = await callAs(endpoint, admin, "text/csv");
      expect(clear.headers.get("content-type")).toContain("text/csv");
      expect(leaked(await clear.text()).length).toBeGreaterThan(0);
      const res = await callAs(endpoint, masked.user, "text/csv");
      expect(res.headers.get("content-type")).toContain("text/csv");
      const text = await res.text();
      expect(leaked(text), text).toEqual([]);
      expect(text).toContain("M***");
    });
  }
});

describe("a masked member cannot search by masked values", () => {
  it("refuses list lookups by e-mail, external id and free text, naming the parameter", async () => {
    for (const query of ["email=mario.rossi%40example.com", "externalId=crm-rossi-4711", "q=rossi"]) {
      const res = await call<{ errors: { path: string }[] }>(customersApi.listCustomersEndpoint, {
        ws,
        headers: masked.guest,
        query,
      });
      expect(res.status).toBe(403);
      expect(res.body.errors[0].path).toBe(`query.${query.split("=")[0]}`);
    }
    // Tags and paging remain.
    const ok = await call(customersApi.listCustomersEndpoint, { ws, headers: masked.guest, query: "tag=vip" });
    expect(ok.status).toBe(200);
  });

  it("refuses filters that compare masked fields, allows their presence and other fields", async () => {
    const byName = await call<{ errors: { path: string }[] }>(customersApi.searchCustomersEndpoint, {
      ws,
      headers: masked.user,
      body: { filter: { and: [{ tag: "vip" }, { field: "base.lastName", op: "startsWith", value: "Ros" }] } },
    });
    expect(byName.status).toBe(403);
    expect(byName.body.errors[0].path).toBe("filter.and.1.field");
    const count = await call(customersApi.countCustomersEndpoint, { ws, headers: masked.user, body: { q: "rossi" } });
    expect(count.status).toBe(403);
    const presence = await call<{ data: unknown[] }>(customersApi.searchCustomersEndpoint, {
      ws,
      headers: masked.user,
      body: { filter: { field: "base.contacts.email", op: "exists", value: true } },
    });
    expect(presence.status).toBe(200);
    expect(presence.body.data.length).toBeGreaterThan(0);
    const view = await call(viewsApi.createViewEndpoint, {
      ws,
      headers: masked.user,
      body: { name: "Guess", filter: { field: "base.contacts.email", op: "eq", value: "mario.rossi@example.com" } },
    });
    expect(view.status).toBe(403);
  });

  it("cannot clear a masked view, nor read a person's full export", async () => {
    const cleared = await call<{ errors: { path: string }[] }>(viewsApi.updateViewEndpoint, {
      ws,
      headers: masked.user,
      params: { ws, id: viewId },
      body: { maskPersonalData: false },
    });
    expect(cleared.status).toBe(403);
    expect(cleared.body.errors[0].path).toBe("maskPersonalData");
    const exported = await callAs(
      endpoints.find((e) => e.operationId === "exportCustomer")!,
      masked.user,
    );
    expect(exported.status).toBe(403);
  });

  it("shows masked values in the masked shapes, and /me says so", async () => {
    const got = await call<Record<string, unknown>>(customersApi.getCustomerEndpoint, {
      ws,
      headers: masked.guest,
      params: { ws, id: customerId },
    });
    expect(got.body).toMatchObject({
      masked: true,
      externalId: "c***",
      base: {
        firstName: "M***",
        lastName: "R***",
        dob: "1985",
        contacts: { email: "m***@e***.com", phone: "+39 *** *** 4567" },
        address: { street: "***", zip: "20***", city: "Milano", country: "IT" },
      },
      tags: expect.arrayContaining(["vip"]),
    });
    const me = await call<{ memberships: { workspace: { id: string }; maskPersonalData: boolean }[] }>(
      meApi.getMeEndpoint,
      { ws, headers: masked.guest },
    );
    expect(me.body.memberships.find((m) => m.workspace.id === ws)?.maskPersonalData).toBe(true);
  });
});

describe("the member setting", () => {
  it("defaults by role, and an admin can switch a guest to clear and back to the default", async () => {
    const guest = await memberSession(ws, "GUEST");
    const headers = headersOf(guest);
    const read = () =>
      call<{ masked?: boolean }>(customersApi.getCustomerEndpoint, { ws, headers, params: { ws, id: customerId } });
    expect((await read()).body.masked).toBe(true);
    const update = (maskPersonalData: boolean | null) =>
      call(membersApi.updateMemberEndpoint, {
        ws,
        headers: admin,
        params: { ws, userId: guest.userId },
        body: { maskPersonalData },
      });
    expect((await update(false)).body).toMatchObject({ maskPersonalData: false, personalDataMasked: false });
    expect((await read()).body.masked).toBeUndefined();
    expect((await update(null)).body).toMatchObject({ maskPersonalData: null, personalDataMasked: true });
    expect((await read()).body.masked).toBe(true);
    const row = await db().membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: ws, userId: guest.userId } },
    });
    expect(row.maskPersonalData).toBeNull();
  });

  it("is the admins' to change: a masked user cannot unmask themself", async () => {
    const user = await memberSession(ws, "USER");
    const res = await call(membersApi.updateMemberEndpoint, {
      ws,
      headers: headersOf(user),
      params: { ws, userId: user.userId },
      body: { maskPersonalData: false },
    });
    expect(res.status).toBe(403);
  });
});

describe("API clients", () => {
  it("follow the same setting: a guest client is masked by default, a user client when set", async () => {
    const read = async (authorization: string) =>
      (
        await call<{ masked?: boolean; base: Record<string, unknown> }>(customersApi.getCustomerEndpoint, {
          ws,
          headers: { authorization },
          params: { ws, id: customerId },
        })
      ).body;
    const guestClient = await apiClientToken(ws, "GUEST");
    expect(await read(guestClient.authorization)).toMatchObject({ masked: true, base: { lastName: "R***" } });
    const userClient = await apiClientToken(ws, "USER");
    expect((await read(userClient.authorization)).base.lastName).toBe("Rossi");
    await db().apiClient.update({
      where: { clientId: userClient.clientId },
      data: { maskPersonalData: true },
    });
    expect(await read(userClient.authorization)).toMatchObject({ masked: true, base: { lastName: "R***" } });
  });
});
