// Tracking from everywhere, through the real server: no /v1 or /api request answers 2xx HTML, the admin
// app's pages take only GET/HEAD, discovery at the root, and browsers on other origins feeding Atrium with
// its own tracker (/sdk/atrium.js) and with Segment's @segment/analytics-next.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createApiClient, createSource, createWorkspace } from "./helpers/accounts";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

test.describe("no HTML where an API is expected", () => {
  test("every method on API, tracking and page paths", async ({ request }) => {
    const apiPaths = [
      "/v1/batch",
      "/v1/t",
      "/v1/projects/wk_x/settings",
      "/v1/nope",
      "/v1",
      "/api/v1/nope",
      "/api/v1/workspaces",
      "/api/health",
    ];
    for (const url of apiPaths) {
      for (const method of METHODS) {
        const res = await request.fetch(url, {
          method,
          data: method === "GET" || method === "HEAD" ? undefined : "{}",
        });
        const type = res.headers()["content-type"] ?? "";
        expect.soft(res.ok() && type.includes("text/html"), `${method} ${url} → ${res.status()} ${type}`).toBe(false);
      }
    }
    for (const url of ["/", "/customers", "/settings/sources"]) {
      for (const method of METHODS) {
        const res = await request.fetch(url, { method, data: method === "GET" || method === "HEAD" ? undefined : "x" });
        if (method === "GET" || method === "HEAD") expect.soft(res.status(), `${method} ${url}`).toBe(200);
        else {
          expect.soft(res.status(), `${method} ${url}`).toBe(405);
          expect.soft(res.headers()["allow"]).toBe("GET, HEAD");
          expect.soft(res.headers()["content-type"]).toContain("application/problem+json");
        }
      }
    }
    const unknown = await request.get("/.well-known/nothing-here");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toContain("application/problem+json");
  });

  test("OAuth discovery at the root serves the authorization server's metadata", async ({ request, baseURL }) => {
    for (const url of ["/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"]) {
      const res = await request.get(url);
      expect(res.status()).toBe(200);
      expect((await res.json()).issuer).toBe(`${baseURL}/oauth`);
    }
  });
});

// ───── Browsers on other origins

interface Setup {
  ws: string;
  writeKey: string;
  token: string;
}

async function tokenFor(request: APIRequestContext, clientId: string, clientSecret: string): Promise<string> {
  const res = await request.post("/oauth/token", {
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
    form: { grant_type: "client_credentials" },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).access_token;
}

async function setUp(request: APIRequestContext, allowedOrigins: string[]): Promise<Setup> {
  const workspace = await createWorkspace(`Tracking ${Date.now()}`);
  const source = await createSource(workspace, "Shop");
  const client = await createApiClient(workspace, "admin");
  const token = await tokenFor(request, client.clientId, client.clientSecret);
  const patched = await request.patch(`/api/v1/workspaces/${workspace.id}/sources/${source.id}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { allowedOrigins },
  });
  expect(patched.status()).toBe(200);
  return { ws: workspace.id, writeKey: source.writeKey, token };
}

interface Origin {
  url: string;
  server: Server;
}

async function originServer(pages: Record<string, string>): Promise<Origin> {
  const umd = path.resolve("node_modules/@segment/analytics-next/dist/umd");
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    if (pages[pathname] !== undefined) {
      res.writeHead(200, { "content-type": "text/html" }).end(pages[pathname]);
    } else if (pathname === "/standalone.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(path.join(umd, "standalone.js")));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function listEvents(request: APIRequestContext, setup: Setup) {
  const res = await request.get(`/api/v1/workspaces/${setup.ws}/events?limit=200`, {
    headers: { authorization: `Bearer ${setup.token}` },
  });
  return (await res.json()).data as {
    type: string;
    customerId: string | null;
    anonymousId: string | null;
    properties: Record<string, unknown>;
  }[];
}

const trackerPage = (baseURL: string, writeKey: string, body: string) => `<!doctype html><html><head><title>Shop</title>
<script>window.atrium=window.atrium||function(){(atrium.q=atrium.q||[]).push(arguments)};
atrium('init', ${JSON.stringify(writeKey)}, { host: ${JSON.stringify(baseURL)}, trackHistory: true, flushInterval: 100 });</script>
<script async src="${baseURL}/sdk/atrium.js"></script></head><body>${body}</body></html>`;

test.describe("the Atrium tracker on another origin", () => {
  test("anonymous page views, then identify: one customer with the earlier page views", async ({
    page,
    request,
    baseURL,
  }) => {
    const origin = await originServer({});
    const setup = await setUp(request, [origin.url]);
    const html = trackerPage(baseURL!, setup.writeKey, "<h1>Lamps</h1>");
    origin.server.removeAllListeners("request");
    origin.server.on("request", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    try {
      await page.goto(`${origin.url}/lamps?utm_source=newsletter&utm_campaign=spring`);
      await page.evaluate(() => {
        const w = window as unknown as { atrium: (...args: unknown[]) => void };
        w.atrium("page");
        history.pushState({}, "", "/lamps/red");
        w.atrium("track", "Product Viewed", { product_id: "lamp-red", price: 20 });
      });
      await expect.poll(async () => (await listEvents(request, setup)).length, { timeout: 10_000 }).toBe(3);
      const anonymous = await listEvents(request, setup);
      expect(anonymous.every((event) => event.customerId === null && event.anonymousId)).toBe(true);

      await page.evaluate(() => {
        const w = window as unknown as { atrium: (...args: unknown[]) => void };
        w.atrium("identify", { externalId: "shopper-1", email: "shopper@example.com", traits: { firstName: "Sam" } });
      });
      // The identify joins the earlier anonymous events to the customer: every event ends up with one customer.
      await expect
        .poll(
          async () => {
            const events = await listEvents(request, setup);
            return events.length >= 3 && events.every((event) => event.customerId)
              ? new Set(events.map((e) => e.customerId)).size
              : 0;
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      const events = await listEvents(request, setup);
      const [customerId] = new Set(events.map((event) => event.customerId));
      expect(customerId).toBeTruthy();
      expect(events.filter((event) => event.type === "viewedPage").length).toBe(2);
      expect(events.some((event) => event.type === "viewedProduct")).toBe(true);
      const customer = await request.get(`/api/v1/workspaces/${setup.ws}/customers/${customerId}`, {
        headers: { authorization: `Bearer ${setup.token}` },
      });
      expect(await customer.json()).toMatchObject({
        externalId: "shopper-1",
        base: { firstName: "Sam", contacts: { email: "shopper@example.com" } },
      });
    } finally {
      origin.server.close();
    }
  });

  test("a page on an origin the source does not allow cannot write", async ({ page, request, baseURL }) => {
    const origin = await originServer({});
    const setup = await setUp(request, ["https://shop.example.com"]);
    const html = trackerPage(baseURL!, setup.writeKey, "<h1>Elsewhere</h1>");
    origin.server.removeAllListeners("request");
    origin.server.on("request", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
    try {
      const sent = page.waitForRequest((req) => req.url().endsWith("/v1/batch"));
      await page.goto(`${origin.url}/`);
      await page.evaluate(() => (window as unknown as { atrium: (...args: unknown[]) => void }).atrium("page"));
      await sent;
      await page.waitForTimeout(1500);
      // The same write as the browser sent it, read outside the browser: refused, and no CORS grant.
      const direct = await request.post("/v1/batch", {
        headers: { origin: origin.url, "content-type": "text/plain" },
        data: JSON.stringify({ writeKey: setup.writeKey, batch: [{ type: "page", anonymousId: "a" }] }),
      });
      expect(direct.status()).toBe(403);
      expect(direct.headers()["access-control-allow-origin"]).toBeUndefined();
      expect(await listEvents(request, setup)).toEqual([]);
    } finally {
      origin.server.close();
    }
  });
});

test.describe("@segment/analytics-next on another origin", () => {
  test("stores its page, identify and track calls", async ({ page, request, baseURL }) => {
    const origin = await originServer({});
    const setup = await setUp(request, [origin.url]);
    const html = `<!doctype html><html><head><title>Segment shop</title><script>
      window.analytics = [];
      analytics._writeKey = ${JSON.stringify(setup.writeKey)};
      analytics._cdn = ${JSON.stringify(baseURL)};
      ["page", "identify", "track"].forEach(function (m) {
        analytics[m] = function () { analytics.push([m].concat([].slice.call(arguments))); return analytics; };
      });
      analytics.page();
      analytics.identify("segment-user-1", { email: "seg@example.com", first_name: "Seg" });
      analytics.track("Product Added", { product_id: "p-9", price: 5 });
    </script><script src="/standalone.js"></script></head><body>hi</body></html>`;
    origin.server.removeAllListeners("request");
    const umd = path.resolve("node_modules/@segment/analytics-next/dist/umd/standalone.js");
    origin.server.on("request", (req, res) => {
      if (req.url?.startsWith("/standalone.js"))
        res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(umd));
      else res.writeHead(200, { "content-type": "text/html" }).end(html);
    });
    try {
      await page.goto(`${origin.url}/`);
      await expect
        .poll(async () => (await listEvents(request, setup)).map((e) => e.type).sort(), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(["addedProduct", "viewedPage"]));
      const events = await listEvents(request, setup);
      const customers = new Set(events.map((event) => event.customerId));
      expect(customers.size).toBe(1);
      const [customerId] = customers;
      const customer = await request.get(`/api/v1/workspaces/${setup.ws}/customers/${customerId}`, {
        headers: { authorization: `Bearer ${setup.token}` },
      });
      expect(await customer.json()).toMatchObject({ externalId: "segment-user-1", base: { firstName: "Seg" } });
    } finally {
      origin.server.close();
    }
  });
});
