// Event types at ingestion, through the real route handlers: every standard type's valid and broken example,
// custom types, and types disabled by the workspace.
import { beforeAll, describe, expect, it } from "vitest";
import * as typesApi from "@/lib/schemas/event-types";
import { STANDARD_EVENT_EXAMPLES, CONTEXT_INFO_EXAMPLE } from "@/lib/schemas/event-catalogue/examples";
import { STANDARD_EVENT_TYPE_NAMES } from "@/lib/schemas/event-catalogue/registry";
import { call, headersOf, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";
import { getEvent, sendBatch, sendEvent, type Problem } from "@/test/kits/event-kit";

interface TypeBody extends Problem {
  type: string;
  standard: boolean;
  enabled: boolean;
  label: string | null;
  mode: string;
  propertiesSchema: Record<string, unknown> | null;
}

describe("the standard catalogue through POST /events", () => {
  let ws: string;
  let admin: Headers;
  beforeAll(async () => ({ ws, admin } = await workspaceWithAdmin("Catalogue")));

  for (const type of STANDARD_EVENT_TYPE_NAMES) {
    const example = STANDARD_EVENT_EXAMPLES[type];
    it(`${type}: accepts the valid example and rejects the broken one at ${example.invalid.path}`, async () => {
      const good = await sendEvent(ws, admin, {
        type,
        context: example.context,
        externalId: "cat-1",
        properties: example.valid,
        contextInfo: CONTEXT_INFO_EXAMPLE,
      });
      expect(good.status, JSON.stringify(good.body)).toBe(201);
      const stored = await getEvent(ws, admin, good.body.id);
      expect(stored.body).toMatchObject({ type, context: example.context, customerId: good.body.customerId });
      const bad = await sendEvent(ws, admin, { type, externalId: "cat-1", properties: example.invalid.properties });
      expect(bad.status).toBe(422);
      expect(bad.body.errors?.map((e) => e.path)).toContain(example.invalid.path);
    });
  }

  it("stores normalised properties and enriched context", async () => {
    const res = await sendEvent(ws, admin, {
      type: "viewedPage",
      anonymousId: "visitor-1",
      properties: { url: "https://shop.example.com/?utm_source=newsletter&utm_campaign=spring", abTest: "B" },
      contextInfo: { client: { userAgent: CONTEXT_INFO_EXAMPLE.client.userAgent } },
    });
    expect(res.status).toBe(201);
    const event = (await getEvent(ws, admin, res.body.id)).body;
    expect(event.properties).toEqual({
      url: "https://shop.example.com/?utm_source=newsletter&utm_campaign=spring",
      extra: { abTest: "B" },
    });
    expect(event.contextInfo).toMatchObject({
      campaign: { utm_source: "newsletter", utm_campaign: "spring" },
      client: { parsed: { browser: { name: "Chrome" } } },
    });
  });

  it("rejects an unknown type naming the field", async () => {
    const res = await sendEvent(ws, admin, { type: "teleported", externalId: "cat-1" });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: "type" })]);
  });
});

describe("custom event types", () => {
  const TEST_DRIVE = {
    type: "object",
    properties: { model: { type: "string" }, dealer: { type: "string" }, date: { type: "string", format: "date" } },
    required: ["model"],
  };

  it("are declared by admins, then ingested when valid and rejected with field paths when not", async () => {
    const { ws, admin } = await workspaceWithAdmin("Custom types");
    const declared = await call<TypeBody>(typesApi.createEventTypeEndpoint, {
      ws,
      headers: admin,
      body: { type: "bookedTestDrive", label: "Booked a test drive", propertiesSchema: TEST_DRIVE },
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect(declared.body).toMatchObject({
      type: "bookedTestDrive",
      standard: false,
      enabled: true,
      mode: "ACTIVE",
      propertiesSchema: TEST_DRIVE,
    });
    expect(
      (await call(typesApi.createEventTypeEndpoint, { ws, headers: admin, body: { type: "bookedTestDrive" } })).status,
    ).toBe(409);

    const good = await sendEvent(ws, admin, {
      type: "bookedTestDrive",
      externalId: "C-1",
      properties: { model: "Spider", date: "2025-05-01", color: "red" },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect((await getEvent(ws, admin, good.body.id)).body.properties).toEqual({
      model: "Spider",
      date: "2025-05-01",
      color: "red",
    });
    const bad = await sendEvent(ws, admin, {
      type: "bookedTestDrive",
      externalId: "C-1",
      properties: { date: "someday" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(["properties.date", "properties.model"]);

    const list = await call<{ data: TypeBody[] }>(typesApi.listEventTypesEndpoint, { ws, headers: admin });
    expect(list.body.data.filter((t) => t.standard)).toHaveLength(STANDARD_EVENT_TYPE_NAMES.length);
    expect(list.body.data.at(-1)).toMatchObject({ type: "bookedTestDrive", label: "Booked a test drive" });
  });

  it("refuse bad declarations with paths, and non-admins", async () => {
    const { ws, admin } = await workspaceWithAdmin("Custom types");
    const bad = await call<TypeBody>(typesApi.createEventTypeEndpoint, {
      ws,
      headers: admin,
      body: {
        type: "viewedPage",
        propertiesSchema: { type: "object", properties: { a: { type: "string", pattern: "x" } } },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(["type", "propertiesSchema.properties.a.pattern"]),
    );
    const user = headersOf(await memberSession(ws, "USER"));
    expect(
      (await call(typesApi.createEventTypeEndpoint, { ws, headers: user, body: { type: "somethingElse" } })).status,
    ).toBe(403);
  });

  it("disabled types (custom or standard) are rejected with 422 until enabled again", async () => {
    const { ws, admin } = await workspaceWithAdmin("Disabled types");
    await call(typesApi.createEventTypeEndpoint, { ws, headers: admin, body: { type: "visitedStore" } });
    const patch = (type: string, body: unknown) =>
      call<TypeBody>(typesApi.updateEventTypeEndpoint, { ws, headers: admin, params: { ws, type }, body });

    expect((await patch("visitedStore", { enabled: false })).body).toMatchObject({ enabled: false, standard: false });
    const custom = await sendEvent(ws, admin, { type: "visitedStore", externalId: "C-1" });
    expect(custom.status).toBe(422);
    expect(custom.body.errors).toEqual([
      { path: "type", message: 'Event type "visitedStore" is disabled in this workspace' },
    ]);

    expect((await patch("searched", { enabled: false, label: "Site search" })).body).toMatchObject({
      enabled: false,
      standard: true,
      label: "Site search",
    });
    const batch = await sendBatch(ws, admin, [
      { type: "searched", externalId: "C-1", properties: { keyword: "shoes" } },
      { type: "viewedPage", externalId: "C-1", properties: { url: "https://x.example/" } },
    ]);
    expect(batch.body).toMatchObject({
      accepted: 1,
      rejected: 1,
      results: [
        { index: 0, status: "rejected" },
        { index: 1, status: "created" },
      ],
    });

    expect((await patch("searched", { enabled: true, label: null })).body).toMatchObject({
      enabled: true,
      label: "Searched",
    });
    expect((await sendEvent(ws, admin, { type: "searched", externalId: "C-1" })).status).toBe(201);
    expect((await patch("visitedStore", { enabled: true })).body.enabled).toBe(true);
    expect((await sendEvent(ws, admin, { type: "visitedStore", externalId: "C-1" })).status).toBe(201);
    expect((await patch("neverDeclared", { enabled: false })).status).toBe(404);
    expect(await db().eventType.count({ where: { workspaceId: ws } })).toBe(2);
  });
});
