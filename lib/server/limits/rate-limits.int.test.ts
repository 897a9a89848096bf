// Rate limits over real HTTP on two app instances sharing one database: this test process, and a second
// process with its own modules and connection pool (test/kits/api-instance.ts). A limit spent on one
// instance is spent on the other; refusals are 429 problems with Retry-After and RateLimit-* headers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCustomersEndpoint } from "@/lib/schemas/customers";
import { createEventBatchEndpoint } from "@/lib/schemas/events";
import { updateSourceEndpoint } from "@/lib/schemas/sources";
import { db } from "@/lib/server/db/client";
import { memberSession, writeKeyFor } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { startApiServer } from "@/test/kits/instance-server";
import { startSecondInstance } from "@/test/kits/api-instance";
import { messageId } from "@/test/kits/event-kit";
import { callEndpoint } from "@/test/route-modules";

// Low limits for this file, the same in both instances (the child inherits this environment).
const LIMITS = {
  TRUST_PROXY: "1",
  ATRIUM_RATE_LIMIT_INGEST: "8/60",
  ATRIUM_RATE_LIMIT_AUTH_FAILURES: "4/900",
  ATRIUM_RATE_LIMIT_EXPORT: "2/600",
};
Object.assign(process.env, LIMITS);

let a: { url: string; close: () => Promise<void> };
let b: { url: string; close: () => Promise<void> };
let ws: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startApiServer(), startSecondInstance(LIMITS)]);
  ws = (await createTestWorkspace("Limits")).id;
  // Warm both instances up (the first request loads the route modules): without credentials, so that no
  // limit is touched.
  await Promise.all(
    [a.url, b.url].map((base) =>
      fetch(`${base}/api/v1/workspaces/${ws}/events/batch`, { method: "POST", body: "{}" }).then((r) => r.text()),
    ),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}:${randomUUID().slice(0, 8)}`;

function sendBatch(base: string, authorization: string, count: number, from = address()) {
  const events = Array.from({ length: count }, () => ({
    type: "viewedPage",
    properties: { url: "https://shop.example.com/limits" },
    anonymousId: "anon-limits",
    messageId: messageId("rl"),
  }));
  return fetch(`${base}/api/v1/workspaces/${ws}/events/batch`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ events }),
  });
}

function expectHeaders(res: Response, limit: number, remaining: number) {
  expect(res.headers.get("ratelimit-limit")).toBe(String(limit));
  expect(res.headers.get("ratelimit-remaining")).toBe(String(remaining));
  expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
}

async function expect429(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(await res.json()).toMatchObject({ status: 429, code: "rate_limited" });
}

describe("ingestion limit per write key, across two instances", () => {
  it("counts events sent to either instance against one budget (the source's own limit)", async () => {
    const key = await writeKeyFor(ws);
    // An admin sets the source's own limit through the API (0 is refused, naming the field).
    const admin = await memberSession(ws, "ADMIN");
    const patch = (body: unknown) =>
      callEndpoint(updateSourceEndpoint, {
        ws,
        params: { id: key.sourceId },
        headers: { cookie: admin.cookie },
        body,
      });
    const invalid = await patch({ rateLimitPerMinute: 0 });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors[0].path).toBe("rateLimitPerMinute");
    const updated = await patch({ rateLimitPerMinute: 10 });
    expect(await updated.json()).toMatchObject({ rateLimitPerMinute: 10 });
    const first = await sendBatch(a.url, key.authorization, 3);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: 3 });
    expectHeaders(first, 10, 7);
    const second = await sendBatch(b.url, key.authorization, 3);
    expect(second.status).toBe(200);
    expectHeaders(second, 10, 4);
    const third = await sendBatch(a.url, key.authorization, 3);
    expectHeaders(third, 10, 1);
    const refused = await sendBatch(b.url, key.authorization, 3);
    await expect429(refused);
    expectHeaders(refused, 10, 0);
    await expect429(await sendBatch(a.url, key.authorization, 1));
    // Nothing of the refused batches was stored.
    expect(await db().event.count({ where: { workspaceId: ws, sourceId: key.sourceId } })).toBe(9);
  });

  it("uses ATRIUM_RATE_LIMIT_INGEST for a source without its own limit, and keeps sources apart", async () => {
    const key = await writeKeyFor(ws);
    const other = await writeKeyFor(ws);
    expect((await sendBatch(a.url, key.authorization, 5)).status).toBe(200);
    const last = await sendBatch(b.url, key.authorization, 3);
    expect(last.status).toBe(200);
    expectHeaders(last, 8, 0);
    await expect429(await sendBatch(a.url, key.authorization, 1));
    expect((await sendBatch(b.url, other.authorization, 1)).status).toBe(200);
  });
});

describe("failed authentication per address", () => {
  it("refuses an address after 4 bad write keys sent to either instance, even with a good key", async () => {
    const from = address();
    const good = await writeKeyFor(ws);
    for (const base of [a.url, b.url, a.url, b.url]) {
      const res = await sendBatch(base, `Bearer wk_${randomUUID().replaceAll("-", "")}`, 1, from);
      expect(res.status).toBe(401);
    }
    await expect429(await sendBatch(a.url, "Bearer wk_nope", 1, from));
    await expect429(await sendBatch(b.url, good.authorization, 1, from));
    // Another address is not affected.
    expect((await sendBatch(b.url, good.authorization, 1)).status).toBe(200);
  });

  it("is atomic: of 20 simultaneous bad keys at a limit of 4, 4 are answered 401 and 16 429", async () => {
    const from = address();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sendBatch(i % 2 ? a.url : b.url, `Bearer wk_bad${i}`, 1, from)),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(16);
    for (const res of answers.filter((r) => r.status === 429)) expect(res.headers.get("retry-after")).toBeTruthy();
  });

  it("answers the contract's documented 429 on the route handler (contract check)", async () => {
    const headers = { authorization: "Bearer wk_nothing", "x-atrium-client-address": address() };
    for (let i = 0; i < 4; i++)
      expect((await callEndpoint(createEventBatchEndpoint, { ws, headers, body: { events: [] } })).status).toBe(401);
    const res = await callEndpoint(createEventBatchEndpoint, { ws, headers, body: { events: [] } });
    expect(res.status).toBe(429);
  });
});

describe("export limit per caller", () => {
  it("counts CSV exports (not JSON pages) and refuses the third within the window", async () => {
    const user = await memberSession(ws, "USER");
    const csv = () => callEndpoint(listCustomersEndpoint, { ws, headers: { cookie: user.cookie, accept: "text/csv" } });
    const json = await callEndpoint(listCustomersEndpoint, { ws, headers: { cookie: user.cookie } });
    expect(json.status).toBe(200);
    expect(json.headers.get("ratelimit-limit")).toBeNull();
    const one = await csv();
    expect(one.status).toBe(200);
    expectHeaders(one, 2, 1);
    expect((await csv()).status).toBe(200);
    await expect429(await csv());
  });
});
