// The Segment-compatible tracking API over real HTTP, fed by Segment's own @segment/analytics-node (v3)
// with only `host` and the write key changed, and by plain fetch for the edge cases.
import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";
import { errorToResponse } from "@/lib/server/http/problem";
import { writeKeyFor } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { startTrackingServer } from "@/test/kits/tracking-server";

let server: Awaited<ReturnType<typeof startTrackingServer>>;
beforeAll(async () => {
  // Every /v1 answer below is also checked against the OpenAPI document (test/contract-check.ts).
  server = await startTrackingServer({ checkContract: true });
});
afterAll(async () => {
  await server.close();
  expect(server.violations, "/v1 answers the OpenAPI document does not describe").toEqual([]);
});

async function workspaceWithKey() {
  const ws = (await createTestWorkspace("Tracking")).id;
  const { authorization, sourceId } = await writeKeyFor(ws);
  return { ws, sourceId, writeKey: authorization.replace(/^Bearer /, "") };
}

const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const eventsOf = (workspaceId: string) =>
  db().event.findMany({ where: { workspaceId }, orderBy: { occurredAt: "asc" } });
const props = (event: { properties: unknown }) => event.properties as Record<string, unknown>;

describe("@segment/analytics-node pointed at Atrium", () => {
  it("stores identify, track (e-commerce too), page, alias and group; a resend stores nothing twice", async () => {
    const { ws, sourceId, writeKey } = await workspaceWithKey();
    const analytics = new Analytics({ writeKey, host: server.url, flushAt: 50, flushInterval: 200, maxRetries: 0 });
    const bodies: string[] = [];
    const statuses: number[] = [];
    analytics.on("http_request", (request) => bodies.push(String(request.body)));
    analytics.on("http_response", (response) => statuses.push(response.status));
    const userId = "user-42";
    analytics.identify({
      userId,
      anonymousId: "anon-1",
      traits: {
        email: "Ada@Example.com",
        firstName: "Ada",
        last_name: "Lovelace",
        phone: "+39 333 123 4567",
        gender: "Female",
        birthday: "1990-05-17T00:00:00.000Z",
        address: { city: "Milano", country: "it", postalCode: "20121", street: "Via Roma 1" },
        plan: "pro",
      },
    });
    analytics.track({
      userId,
      event: "Product Viewed",
      properties: { product_id: "p-1", sku: "SKU-1", name: "Lamp", price: 19.5, brand: "Acme", colour: "red" },
    });
    analytics.track({
      userId,
      event: "Order Completed",
      properties: {
        order_id: "o-1",
        total: 39,
        revenue: 35,
        tax: 4,
        currency: "eur",
        products: [{ product_id: "p-1", price: 19.5, quantity: 2, name: "Lamp" }],
      },
    });
    analytics.track({ userId, event: "Video Played", properties: { seconds: 12 } });
    analytics.page({
      userId,
      name: "Home",
      properties: { url: "https://shop.example.com/", path: "/", title: "Shop" },
    });
    analytics.alias({ userId, previousId: "anon-2" });
    analytics.group({ userId, groupId: "g-1", traits: { name: "Acme Inc" } });
    await analytics.closeAndFlush();
    expect(statuses.every((status) => status === 200)).toBe(true);

    const customers = await db().customer.findMany({ where: { workspaceId: ws }, include: { identities: true } });
    expect(customers).toHaveLength(1);
    const [customer] = customers;
    expect(customer.externalId).toBe(userId);
    expect(customer.base).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      gender: "female",
      dob: "1990-05-17",
      contacts: { email: "ada@example.com", phone: "+39 333 123 4567" },
      address: { city: "Milano", country: "IT", zip: "20121", street: "Via Roma 1" },
    });
    const identities = customer.identities.map((identity) => `${identity.type}:${identity.value}`);
    expect(identities).toEqual(expect.arrayContaining(["anonymousId:anon-1", "anonymousId:anon-2"]));

    const events = await eventsOf(ws);
    expect(events.every((event) => event.customerId === customer.id && event.sourceId === sourceId)).toBe(true);
    const byType = (type: string) => events.filter((event) => event.type === type);
    expect(props(byType("viewedProduct")[0])).toMatchObject({
      id: "p-1",
      sku: "SKU-1",
      name: "Lamp",
      price: 19.5,
      vendor: "Acme",
      extra: { colour: "red", segmentEvent: "Product Viewed" },
    });
    expect(props(byType("completedOrder")[0])).toMatchObject({
      orderId: "o-1",
      amount: { total: 39, revenue: 35, tax: 4, currency: "EUR" },
      products: [{ id: "p-1", price: 19.5, quantity: 2, name: "Lamp" }],
    });
    expect(byType("viewedPage")[0]).toMatchObject({ context: "WEB" });
    expect(props(byType("viewedPage")[0])).toMatchObject({ url: "https://shop.example.com/", title: "Shop" });
    const generic = byType("genericActiveEvent").map((event) => props(event));
    expect(generic).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Video Played", extra: { seconds: 12 } }),
        expect.objectContaining({ name: "Identify", extra: { plan: "pro" } }),
        expect.objectContaining({ name: "Group", extra: { groupId: "g-1", traits: { name: "Acme Inc" } } }),
      ]),
    );
    const contextInfo = events[0].contextInfo as Record<string, unknown>;
    expect(contextInfo.segment).toMatchObject({ library: { name: "@segment/analytics-node" } });
    expect(events.every((event) => event.messageId)).toBe(true);

    // The library retries a batch it thinks failed: the same body again stores nothing new.
    const before = events.length;
    for (const body of bodies) {
      const res = await post("/v1/batch", body, { authorization: basic(writeKey) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ success: true, rejected: 0 });
    }
    expect((await eventsOf(ws)).length).toBe(before);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(1);
  });
});

describe("tracking API over plain HTTP", () => {
  it("accepts text/plain bodies with the write key inside, and the short paths", async () => {
    const { ws, writeKey } = await workspaceWithKey();
    const res = await post(
      "/v1/t",
      { writeKey, anonymousId: "a-1", event: "Products Searched", properties: { query: "lamp" }, messageId: "m-1" },
      { "content-type": "text/plain" },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, accepted: 1, rejected: 0, errors: [] });
    const [event] = await eventsOf(ws);
    expect(event).toMatchObject({ type: "searched", anonymousId: "a-1", customerId: null, messageId: "m-1" });
    expect(props(event).keyword).toBe("lamp");
  });

  it("corrects the device clock by sentAt and rejects bad messages one by one", async () => {
    const { ws, writeKey } = await workspaceWithKey();
    const device = Date.now() + 3_600_000; // the device's clock runs one hour ahead
    const res = await post(
      "/v1/batch",
      {
        batch: [
          {
            type: "track",
            userId: "u-1",
            event: "Signed In",
            originalTimestamp: new Date(device - 60_000).toISOString(),
          },
          { type: "track", userId: "u-1" },
          { type: "fly", userId: "u-1" },
          { type: "page", properties: { url: "https://x.example/" } },
          { type: "track", userId: "u-1", event: "Big", properties: { blob: "x".repeat(40_000) } },
        ],
        sentAt: new Date(device).toISOString(),
      },
      { authorization: basic(writeKey) },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ success: true, accepted: 1, rejected: 4 });
    expect(body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2, 3, 4]);
    expect(body.errors[0].errors[0].path).toBe("event");
    const [event] = await eventsOf(ws);
    expect(event.type).toBe("loggedIn");
    // One minute before the server received it, not one hour in the future.
    expect(Math.abs(Date.now() - 60_000 - event.occurredAt.getTime())).toBeLessThan(10_000);
  });

  it("rejects unmapped names when the workspace says so", async () => {
    const { ws, writeKey } = await workspaceWithKey();
    await db().workspace.update({ where: { id: ws }, data: { unmappedTrackEvents: "reject" } });
    const res = await post(
      "/v1/batch",
      {
        batch: [
          { type: "track", userId: "u", event: "Video Played" },
          { type: "track", userId: "u", event: "Product Added" },
        ],
      },
      { authorization: basic(writeKey) },
    );
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: 1, errors: [{ index: 0 }] });
    expect((await eventsOf(ws)).map((e) => e.type)).toEqual(["addedProduct"]);
  });

  it("answers 400, 401, 413 and 429 as problems", async () => {
    const { writeKey } = await workspaceWithKey();
    const malformed = await post("/v1/batch", "{nope", { authorization: basic(writeKey) });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toContain("problem+json");
    const badKey = await post("/v1/batch", { batch: [] }, { authorization: basic("wk_not-a-key") });
    expect(badKey.status).toBe(401);
    expect((await badKey.json()).code).toBe("unauthenticated");
    expect((await post("/v1/track", { event: "x", userId: "u" })).status).toBe(401);
    const huge = await post(
      "/v1/batch",
      { batch: [{ blob: "x".repeat(5 * 1024 * 1024) }] },
      { authorization: basic(writeKey) },
    );
    expect(huge.status).toBe(413);
    const limited = errorToResponse(new AppError("rate_limited", "Slow down", { retryAfterSeconds: 7 }), "r");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
  });

  it("serves analytics.js settings that point back at this server", async () => {
    const { writeKey } = await workspaceWithKey();
    const res = await fetch(`${server.url}/v1/projects/${writeKey}/settings`);
    expect(res.status).toBe(200);
    const settings = await res.json();
    expect(settings.integrations["Segment.io"]).toMatchObject({
      apiKey: writeKey,
      apiHost: `${server.url.slice(7)}/v1`,
      protocol: "http",
    });
    expect((await fetch(`${server.url}/v1/projects/wk_unknown/settings`)).status).toBe(401);
  });
});

describe("CORS on write-key endpoints", () => {
  it("grants the source's allowed origins and refuses the others", async () => {
    const { ws, sourceId, writeKey } = await workspaceWithKey();
    await db().source.update({
      where: { workspaceId_id: { workspaceId: ws, id: sourceId } },
      data: { allowedOrigins: ["https://shop.example.com"] },
    });
    const preflight = (origin: string, path = "/v1/t") =>
      fetch(`${server.url}${path}`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
    const allowed = await preflight("https://shop.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(allowed.headers.get("access-control-max-age")).toBe("600");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const apiPreflight = await preflight("https://shop.example.com", `/api/v1/workspaces/${ws}/events/batch`);
    expect(apiPreflight.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");

    const write = (origin: string) =>
      post("/v1/t", { userId: "u", event: "Signed In" }, { origin, authorization: basic(writeKey) });
    const ok = await write("https://shop.example.com");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    const refused = await write("https://evil.example.com");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();

    const nativeOk = await fetch(`${server.url}/api/v1/workspaces/${ws}/events/batch`, {
      method: "POST",
      headers: {
        origin: "https://shop.example.com",
        authorization: `Bearer ${writeKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ events: [{ type: "loggedIn", externalId: "u" }] }),
    });
    expect(nativeOk.status).toBe(200);
    expect(nativeOk.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(2);
  });
});
