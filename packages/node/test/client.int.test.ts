// The Node SDK against the real server over HTTP (test/kits/api-server.ts): the authorization server issues
// its tokens, the production route handlers answer (each answer checked against the OpenAPI document), and
// what it sends is read back from PostgreSQL.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { hashClientSecret } from "@/lib/server/auth/oidc/client-secrets";
import { createTestWorkspace } from "@/test/fixtures";
import { startApiServer, startRefusingProxy, type ApiServer } from "@/test/kits/api-server";
import { AtriumProblemError, Batcher, createAtriumClient, ok, paginate } from "../src/index";

let server: ApiServer;
let ws: string;
const clientId = `ac_${randomBytes(6).toString("hex")}`;
const clientSecret = randomBytes(32).toString("base64url");
const credentials = { clientId, clientSecret };
const fast = { retries: 3, baseDelayMs: 20 };

beforeAll(async () => {
  server = await startApiServer();
  ws = (await createTestWorkspace("Node SDK")).id;
  await db().apiClient.create({
    data: { workspaceId: ws, clientId, secretHash: hashClientSecret(clientSecret), name: "SDK test", role: "USER" },
  });
});

afterAll(async () => {
  await server.close();
  expect(server.violations, "answers the OpenAPI document does not describe").toEqual([]);
});

const client = (baseUrl = server.url) => createAtriumClient({ baseUrl, credentials, retry: fast });

describe("@atrium/node client", () => {
  it("fetches a client-credentials token once and uses it for typed calls", async () => {
    const atrium = client();
    const me = await ok(atrium.api.GET("/api/v1/me"));
    expect(me.client).toMatchObject({ clientId, workspaceId: ws });
    const created = await ok(
      atrium.api.POST("/api/v1/workspaces/{ws}/customers", {
        params: { path: { ws } },
        body: { externalId: "sdk-1", base: { firstName: "Ada" } },
      }),
    );
    const read = await ok(
      atrium.api.GET("/api/v1/workspaces/{ws}/customers/{id}", { params: { path: { ws, id: created.id } } }),
    );
    expect(read).toMatchObject({ externalId: "sdk-1", base: { firstName: "Ada" } });
    expect(atrium.tokens?.fetched).toBe(1);
    expect(server.requests.filter((r) => r === "POST /oauth/token")).toHaveLength(1);
  });

  it("fetches a new token when the API refuses the current one (revoked), and repeats the call", async () => {
    const atrium = client();
    await ok(atrium.api.GET("/api/v1/me"));
    // Revoke every token of this client, as an administrator would.
    await db().oidcModel.deleteMany({
      where: { model: "ClientCredentials", payload: { path: ["clientId"], equals: clientId } },
    });
    const me = await ok(atrium.api.GET("/api/v1/me"));
    expect(me.client?.clientId).toBe(clientId);
    expect(atrium.tokens?.fetched).toBe(2);
  });

  it("throws AtriumProblemError with the problem's code and fields", async () => {
    const atrium = client();
    const bad = await atrium.api
      .POST("/api/v1/workspaces/{ws}/customers", {
        params: { path: { ws } },
        body: { base: { contacts: { email: "not an address" } } } as never,
      })
      .catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(AtriumProblemError);
    expect(bad).toMatchObject({ status: 422, code: "validation_failed" });
    expect((bad as AtriumProblemError).errors.map((e) => e.path)).toContain("base.contacts.email");
    expect((bad as AtriumProblemError).requestId).toBeTruthy();
    const missing = await atrium.api
      .GET("/api/v1/workspaces/{ws}/customers/{id}", { params: { path: { ws, id: "no-such-customer" } } })
      .catch((error: unknown) => error);
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
    const wrong = await createAtriumClient({ baseUrl: server.url, credentials: { clientId, clientSecret: "wrong" } })
      .api.GET("/api/v1/me")
      .catch((error: unknown) => error);
    expect(wrong).toMatchObject({ status: 401, code: "invalid_client" });
  });

  it("walks every page of a list", async () => {
    const atrium = client();
    // Five customers of a tag of their own, read two a page.
    const tag = `page-${randomBytes(3).toString("hex")}`;
    for (let i = 0; i < 5; i++)
      await ok(
        atrium.api.POST("/api/v1/workspaces/{ws}/customers", {
          params: { path: { ws } },
          body: { externalId: `${tag}-${i}`, tags: [tag] },
        }),
      );
    const before = server.requests.length;
    const seen: string[] = [];
    for await (const customer of paginate((cursor) =>
      atrium.api.POST("/api/v1/workspaces/{ws}/customers/search", {
        params: { path: { ws } },
        body: { filter: { field: "tags", op: "eq", value: tag }, limit: 2, cursor },
      }),
    ))
      seen.push(customer.externalId ?? "");
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}-${i}`));
    expect(server.requests.length - before).toBe(3);
  });
});

describe("retries", () => {
  it("waits as Retry-After says on 429, then succeeds", async () => {
    const proxy = await startRefusingProxy(server.url, { count: 2, status: 429, retryAfter: "1" });
    try {
      const atrium = createAtriumClient({ baseUrl: proxy.url, credentials, retry: { retries: 3, baseDelayMs: 1 } });
      const started = Date.now();
      const me = await ok(atrium.api.GET("/api/v1/me"));
      expect(me.client?.clientId).toBe(clientId);
      expect(proxy.refused).toBe(2);
      // Two waits of one second each, although the backoff alone would have waited a few milliseconds.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    } finally {
      await proxy.close();
    }
  });

  it("gives up after its retries with the last problem (503 too)", async () => {
    const proxy = await startRefusingProxy(server.url, { count: 10, status: 503, retryAfter: "0" });
    try {
      const atrium = createAtriumClient({ baseUrl: proxy.url, token: "unused", retry: { retries: 2, baseDelayMs: 1 } });
      const error = await atrium.api.GET("/api/v1/me").catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 503, retryAfter: 0 });
      expect(proxy.refused).toBe(3);
    } finally {
      await proxy.close();
    }
  });
});

describe("retries that could repeat work", () => {
  it("does not repeat a create after a 500 (it may have been stored), but repeats a read", async () => {
    const proxy = await startRefusingProxy(server.url, { count: 1, status: 500, retryAfter: "0" });
    try {
      const atrium = createAtriumClient({ baseUrl: proxy.url, credentials, retry: { retries: 3, baseDelayMs: 1 } });
      // The token request is the first through the proxy: refused once, then repeated (it changes nothing).
      await ok(atrium.api.GET("/api/v1/me"));
      expect(proxy.refused).toBe(1);
      const refusing = await startRefusingProxy(server.url, { count: 1, status: 500, retryAfter: "0" });
      try {
        const direct = createAtriumClient({ baseUrl: refusing.url, token: await atrium.tokens!.token() });
        const error = await direct.api
          .POST("/api/v1/workspaces/{ws}/customers", { params: { path: { ws } }, body: { externalId: "once" } })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ status: 500 });
        expect(refusing.refused).toBe(1);
        expect(refusing.forwarded).toBe(0);
      } finally {
        await refusing.close();
      }
    } finally {
      await proxy.close();
    }
  });
});

describe("Batcher (track / identify / flush)", () => {
  it("sends queued calls in bulk, reports refused items one by one, and a resend stores nothing twice", async () => {
    const atrium = client();
    const run = randomBytes(3).toString("hex");
    const batcher = new Batcher(atrium, { workspaceId: ws, flushIntervalMs: 0, flushAt: 1000 });
    batcher.identify({ externalId: `buyer-${run}`, base: { firstName: "Grace" } });
    batcher.identify({ externalId: `bad-${run}`, base: { contacts: { email: "nope" } } } as never);
    const ids = [
      batcher.track("viewedPage", { externalId: `buyer-${run}` }, { properties: { url: "https://shop.example/" } }),
      batcher.track("loggedIn", { externalId: `buyer-${run}` }),
      batcher.track("viewedPage", { anonymousId: `anon-${run}` }, { properties: { url: "https://shop.example/a" } }),
    ];
    batcher.track("viewedPage", {} as never);
    expect(batcher.pending).toBe(6);
    const result = await batcher.flush();
    expect(result).toMatchObject({ accepted: 4, rejected: 2 });
    expect(result.rejections.map((r) => r.kind).sort()).toEqual(["identify", "track"]);
    expect(batcher.pending).toBe(0);

    const customer = await db().customer.findFirst({ where: { workspaceId: ws, externalId: `buyer-${run}` } });
    expect(customer).toMatchObject({ externalId: `buyer-${run}` });
    const stored = await db().event.findMany({ where: { workspaceId: ws, messageId: { in: ids } } });
    expect(stored).toHaveLength(3);
    expect(stored.filter((e) => e.customerId === customer!.id)).toHaveLength(2);

    // The same events again (a retry after a lost answer): recognised by messageId, stored once.
    for (const [i, messageId] of ids.entries())
      batcher.track(i === 1 ? "loggedIn" : "viewedPage", { externalId: `buyer-${run}` }, { messageId });
    const again = await batcher.close();
    expect(again).toMatchObject({ accepted: 3, rejected: 0 });
    expect(await db().event.count({ where: { workspaceId: ws, messageId: { in: ids } } })).toBe(3);
  });

  it("flushes on its own once flushAt calls wait", async () => {
    const atrium = client();
    const run = randomBytes(3).toString("hex");
    const errors: unknown[] = [];
    const batcher = new Batcher(atrium, {
      workspaceId: ws,
      flushIntervalMs: 0,
      flushAt: 2,
      onError: (e) => errors.push(e),
    });
    const ids = [
      batcher.track("loggedIn", { externalId: `auto-${run}` }),
      batcher.track("loggedIn", { externalId: `auto-${run}` }),
    ];
    await expect
      .poll(() => db().event.count({ where: { workspaceId: ws, messageId: { in: ids } } }), { timeout: 10_000 })
      .toBe(2);
    await batcher.close();
    expect(errors).toEqual([]);
  });
});
