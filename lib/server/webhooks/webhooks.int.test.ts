// Outgoing webhooks end to end: subscriptions through the REST API, deliveries made by the real queue to a
// real HTTP receiver that verifies each with the `standardwebhooks` package; retries, 410, persistent
// failure, the SSRF guard, secret rotation, and two workers on one database delivering each message once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import { STANDARD_EVENT_EXAMPLES } from "@/lib/schemas/event-catalogue/examples";
import * as api from "@/lib/schemas/webhooks";
import type { Webhook, WebhookDelivery, WebhookWithSecret } from "@/lib/schemas/webhooks";
import { db } from "@/lib/server/db/client";
import { startJobWorker } from "@/lib/server/jobs/worker";
import { jobTaskList } from "@/lib/server/runtime/job-tasks";
import { call, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { sendBatch, sendEvent } from "@/test/kits/event-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { eventually, startReceiver, type Receiver } from "@/test/kits/webhook-kit";

process.env.ATRIUM_WEBHOOK_RETRY_SCALE = "0.00001"; // 27 hours of retries in about a second

const page = (path: string) => ({ type: "viewedPage", properties: { url: `https://shop.example.com${path}` } });

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function subscribe(ws: string, admin: Headers, body: Partial<api.WebhookCreate> = {}) {
  const res = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
    ws,
    headers: admin,
    body: { url: receiver.url, events: ["event.created", "customer.created", "customer.updated"], ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  receiver.secret(res.body.secret);
  return res.body;
}

const deliveries = async (ws: string, admin: Headers, id: string) =>
  (
    await call<{ data: WebhookDelivery[] }>(api.listWebhookDeliveriesEndpoint, {
      ws,
      headers: admin,
      params: { ws, id },
    })
  ).body.data;
const getHook = async (ws: string, admin: Headers, id: string) =>
  (await call<Webhook>(api.getWebhookEndpoint, { ws, headers: admin, params: { ws, id } })).body;

describe("webhooks", () => {
  it("delivers signed customer and event messages, verified by the standardwebhooks package", async () => {
    receiver.answer(200);
    const { ws, admin } = await workspaceWithAdmin("Hooks");
    const hook = await subscribe(ws, admin, { eventTypes: ["viewedPage"] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(hook.secret.slice(6), "base64")).toHaveLength(32);
    const before = receiver.received.length;
    const created = await call<{ id: string }>(customersApi.createCustomerEndpoint, {
      ws,
      headers: admin,
      body: { externalId: "hook-1", base: { firstName: "Ada" } },
    });
    expect(created.status).toBe(201);
    const event = await sendEvent(ws, admin, { ...page("/"), customerId: created.body.id });
    expect(event.status).toBe(201);
    await settleJobs(ws);
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.type).sort()).toEqual(["customer.created", "event.created"]);
    expect(got.every((r) => r.verified)).toBe(true);
    const customerMessage = got.find((r) => r.type === "customer.created")!;
    expect(customerMessage.payload.data).toMatchObject({ id: created.body.id, externalId: "hook-1" });
    expect(got.find((r) => r.type === "event.created")!.payload.data).toMatchObject({
      id: event.body.id,
      type: "viewedPage",
    });
    expect(customerMessage.id).toMatch(/^msg_/);

    const log = await deliveries(ws, admin, hook.id);
    expect(log).toHaveLength(2);
    expect(log[0].status).toBe("delivered");
    expect(log[0].attempts[0]).toMatchObject({ statusCode: 200, responseExcerpt: expect.stringMatching(/^got /) });
    expect(log.map((d) => d.messageId).sort()).toEqual(got.map((r) => r.id).sort());
  });

  it("filters event.created by eventTypes and sends nothing to disabled subscriptions", async () => {
    receiver.answer(200);
    const { ws, admin } = await workspaceWithAdmin("Hooks filter");
    const hook = await subscribe(ws, admin, { events: ["event.created"], eventTypes: ["completedOrder"] });
    const off = await subscribe(ws, admin, { events: ["event.created"], enabled: false });
    receiver.secret(hook.secret);
    const res = await sendBatch(ws, admin, [
      { ...page("/a"), anonymousId: "anon-1" },
      { type: "completedOrder", anonymousId: "anon-1", properties: STANDARD_EVENT_EXAMPLES.completedOrder.valid },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    await settleJobs(ws);
    const hookLog = await deliveries(ws, admin, hook.id);
    expect(hookLog.map((d) => d.type)).toEqual(["event.created"]);
    expect(await deliveries(ws, admin, off.id)).toEqual([]);
  });

  it("retries with backoff until 2xx, keeping the webhook-id; a ping and a manual retry reuse the queue", async () => {
    const { ws, admin } = await workspaceWithAdmin("Hooks retry");
    const hook = await subscribe(ws, admin, { events: ["customer.updated"] });
    let calls = 0;
    receiver.answer(() => (++calls <= 2 ? 503 : 200));
    const before = receiver.received.length;
    const ping = await call<WebhookDelivery>(api.pingWebhookEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: hook.id },
    });
    expect(ping.status).toBe(202);
    await eventually(
      async () => (await deliveries(ws, admin, hook.id))[0]?.status === "delivered",
      () => settleJobs(ws),
    );
    const [delivery] = await deliveries(ws, admin, hook.id);
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    const got = receiver.received.slice(before);
    expect(new Set(got.map((r) => r.id))).toEqual(new Set([ping.body.messageId]));
    expect(got.every((r) => r.verified && r.type === "webhook.ping")).toBe(true);

    receiver.answer(200);
    const retried = await call<WebhookDelivery>(api.retryWebhookDeliveryEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: hook.id, deliveryId: delivery.id },
    });
    expect(retried.status).toBe(202);
    await eventually(
      async () => (await deliveries(ws, admin, hook.id))[0]?.attempts.length === 4,
      () => settleJobs(ws),
    );
  });

  it("disables a subscription on 410 Gone, and after a day of failures, saying why", async () => {
    const { ws, admin } = await workspaceWithAdmin("Hooks gone");
    const gone = await subscribe(ws, admin, { events: ["customer.updated"] });
    receiver.answer(410);
    await call(api.pingWebhookEndpoint, { ws, headers: admin, params: { ws, id: gone.id } });
    await eventually(
      async () => !(await getHook(ws, admin, gone.id)).enabled,
      () => settleJobs(ws),
    );
    expect((await getHook(ws, admin, gone.id)).disabledReason).toContain("410");
    expect((await deliveries(ws, admin, gone.id))[0].status).toBe("failed");

    const failing = await subscribe(ws, admin, { events: ["customer.updated"] });
    receiver.answer(500);
    await call(api.pingWebhookEndpoint, { ws, headers: admin, params: { ws, id: failing.id } });
    await eventually(
      async () => !(await getHook(ws, admin, failing.id)).enabled,
      () => settleJobs(ws),
      30_000,
    );
    const disabled = await getHook(ws, admin, failing.id);
    expect(disabled.disabledReason).toMatch(/8 attempts; last: HTTP 500/);
    const [delivery] = await deliveries(ws, admin, failing.id);
    expect(delivery.status).toBe("failed");
    expect(delivery.attempts).toHaveLength(8);
    // Enabling it again clears the reason.
    const again = await call<Webhook>(api.updateWebhookEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: failing.id },
      body: { enabled: true },
    });
    expect(again.body).toMatchObject({ enabled: true, disabledReason: null });
    receiver.answer(200);
  });

  it("rotates the secret: later deliveries verify with the new one only", async () => {
    receiver.answer(200);
    const { ws, admin } = await workspaceWithAdmin("Hooks rotate");
    const hook = await subscribe(ws, admin, { events: ["customer.updated"] });
    const rotated = await call<WebhookWithSecret>(api.rotateWebhookSecretEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: hook.id },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const stored = await db().webhookSubscription.findFirstOrThrow({ where: { id: hook.id } });
    expect(stored.secretCiphertext).not.toContain(rotated.body.secret.slice(6, 20));
    receiver.secret(hook.secret);
    const before = receiver.received.length;
    await call(api.pingWebhookEndpoint, { ws, headers: admin, params: { ws, id: hook.id } });
    await settleJobs(ws);
    expect(receiver.received.slice(before).map((r) => r.verified)).toEqual([false]);
    receiver.secret(rotated.body.secret);
    await call(api.pingWebhookEndpoint, { ws, headers: admin, params: { ws, id: hook.id } });
    await settleJobs(ws);
    expect(receiver.received.slice(before + 1).map((r) => r.verified)).toEqual([true]);
  });

  it("refuses private, loopback, link-local and metadata targets when private targets are not allowed", async () => {
    const { ws, admin } = await workspaceWithAdmin("Hooks SSRF");
    const allowed = await subscribe(ws, admin, { events: ["customer.updated"] });
    process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE = "0";
    try {
      for (const url of [
        receiver.url, // http, and loopback
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/",
        "https://192.168.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/",
        "https://[::ffff:127.0.0.1]/",
        "https://[fd00::1]/",
        "https://[fe80::1]/",
        "not a url",
      ]) {
        const res = await call<{ errors: { path: string }[] }>(api.createWebhookEndpoint, {
          ws,
          headers: admin,
          body: { url, events: ["customer.updated"] },
        });
        expect(res.status, url).toBe(422);
        expect(res.body.errors.map((e) => e.path)).toEqual(["url"]);
      }
      const patched = await call(api.updateWebhookEndpoint, {
        ws,
        headers: admin,
        params: { ws, id: allowed.id },
        body: { url: "https://127.0.0.1/x" },
      });
      expect(patched.status).toBe(422);
      // At delivery time too: the subscription saved while allowed is refused now.
      const before = receiver.received.length;
      await call(api.pingWebhookEndpoint, { ws, headers: admin, params: { ws, id: allowed.id } });
      await settleJobs(ws);
      const [delivery] = await deliveries(ws, admin, allowed.id);
      expect(delivery.attempts[0]).toMatchObject({ statusCode: null, error: "Refused address" });
      expect(receiver.received.length).toBe(before);
    } finally {
      process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE = "1";
    }
  });

  it("with two workers on one database delivers every message exactly once", async () => {
    // A receiver of its own: no other test's retries arrive here.
    const own = await startReceiver();
    const { ws, admin } = await workspaceWithAdmin("Hooks two");
    const hook = await subscribe(ws, admin, { events: ["event.created"], url: own.url });
    own.secret(hook.secret);
    const workers = await Promise.all(
      [1, 2].map(() =>
        startJobWorker({ connectionString: process.env.DATABASE_URL ?? "", tasks: jobTaskList(), concurrency: 5 }),
      ),
    );
    try {
      const before = own.received.length;
      for (let b = 0; b < 4; b++) {
        const res = await sendBatch(
          ws,
          admin,
          Array.from({ length: 50 }, (_, i) => ({ ...page(`/${b}/${i}`), anonymousId: `anon-${b}-${i}` })),
        );
        expect(res.status).toBeLessThan(300);
      }
      await eventually(
        () => own.received.length - before >= 200,
        async () => {},
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const got = own.received.slice(before);
      expect(got).toHaveLength(200);
      expect(new Set(got.map((r) => r.id)).size).toBe(200);
      expect(got.every((r) => r.verified)).toBe(true);
      const [{ count }] = await db().$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "WebhookDelivery" WHERE "subscriptionId" = ${hook.id}::uuid AND status = 'DELIVERED' AND attempts = 1`;
      expect(count).toBe(200);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await own.close();
    }
  });
});
