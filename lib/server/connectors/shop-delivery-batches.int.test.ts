// Shop deliveries answered as queued and processed in batches by connectors.process-deliveries: many at
// once, redeliveries, a bad delivery among good ones, and what the source's delivery list shows meanwhile.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { postShopify, shopifyOrderBody, shopWorkspace } from "@/test/kits/shop-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { listShopDeliveries } from "./list-shop-deliveries";
import { shopIdentityType } from "./shop-source";
import { signBody } from "./verify-hmac";

const BUYERS = 20;

describe("Shopify deliveries in batches", () => {
  it("50 signed orders posted concurrently are answered queued, then become 50 completedOrder events of the right customers, in each customer's order", async () => {
    const { ws, source } = await shopWorkspace();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postShopify(source.id, "orders/create", shopifyOrderBody(i, i % BUYERS, `Buyer${i % BUYERS}-${i}`), {
          id: `batch-${i}`,
          settle: false,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(answers.map((a) => a.body.status)).toEqual(Array(50).fill("queued"));

    // Before the job ran, the list shows them queued.
    const before = await listShopDeliveries({ workspaceId: ws, sourceId: source.id, limit: 100 });
    expect(before.data.map((d) => d.status)).toEqual(Array(50).fill("queued"));
    const queuedRows = await db().shopWebhookDelivery.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } });
    expect(queuedRows.every((row) => row.payload !== null)).toBe(true);

    await settleJobs(ws);
    const events = await db().event.findMany({ where: { workspaceId: ws, type: "completedOrder" } });
    expect(events).toHaveLength(50);
    expect(new Set(events.map((e) => (e.properties as { orderId: string }).orderId)).size).toBe(50);
    const customers = await db().customer.findMany({
      where: { workspaceId: ws, status: "ACTIVE" },
      include: { identities: true },
    });
    expect(customers).toHaveLength(BUYERS);
    const shopType = shopIdentityType({ id: source.id, type: "shopify" });
    const buyerOf = new Map(
      customers.map((c) => [
        c.id,
        Number(BigInt(c.identities.find((i) => i.type === shopType)!.value) - 115310627314723954n),
      ]),
    );
    for (const event of events) {
      const orderIndex = Number((BigInt((event.properties as { orderId: string }).orderId) - 820982911946154508n) / 7n);
      expect(buyerOf.get(event.customerId!)).toBe(orderIndex % BUYERS);
    }
    // Each customer's profile is that of her last delivery (in arrival order): her deliveries kept their order.
    const lastName = new Map<number, string>();
    for (const row of queuedRows) {
      const i = Number(row.deliveryId.slice("batch-".length));
      lastName.set(i % BUYERS, `Buyer${i % BUYERS}-${i}`);
    }
    for (const customer of customers) {
      expect((customer.base as { firstName?: string }).firstName).toBe(lastName.get(buyerOf.get(customer.id)!));
    }

    // New buyers' consents carry the shop's own evidence (written per buyer after the chunk created them).
    const records = await db().consentRecord.findMany({ where: { workspaceId: ws, key: "marketing.automatic.email" } });
    expect(records).toHaveLength(BUYERS);
    expect(new Set(records.map((r) => r.evidence))).toEqual(
      new Set(["Shopify email_marketing_consent: not_subscribed"]),
    );

    const after = await listShopDeliveries({ workspaceId: ws, sourceId: source.id, limit: 100 });
    expect(after.data.map((d) => d.status)).toEqual(Array(50).fill("processed"));
    expect(after.data[0].result).toMatchObject({ event: "created" });
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws, payload: { not: null } } })).toBe(0);
  });

  it("a returning buyer with unchanged details is not rewritten (lastSeenAt refreshed); changed details are", async () => {
    const { ws, source } = await shopWorkspace();
    await postShopify(source.id, "orders/create", shopifyOrderBody(1, 7));
    const [customer] = await db().customer.findMany({ where: { workspaceId: ws } });
    const audits = () => db().auditEntry.count({ where: { workspaceId: ws, targetId: customer.id } });
    const emailSeen = async () =>
      (await db().identity.findFirstOrThrow({ where: { workspaceId: ws, customerId: customer.id, type: "email" } }))
        .lastSeenAt;
    const [auditsBefore, seenBefore] = [await audits(), await emailSeen()];

    await postShopify(source.id, "orders/create", shopifyOrderBody(2, 7));
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await audits()).toBe(auditsBefore);
    expect((await emailSeen()).getTime()).toBeGreaterThan(seenBefore.getTime());
    const unchanged = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: customer.id } },
    });
    expect(unchanged.updatedAt).toEqual(customer.updatedAt);

    await postShopify(source.id, "orders/create", shopifyOrderBody(3, 7, "Renamed"));
    const renamed = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: customer.id } },
    });
    expect((renamed.base as { firstName?: string }).firstName).toBe("Renamed");
    expect(await audits()).toBeGreaterThan(auditsBefore);
    const events = await db().event.findMany({ where: { workspaceId: ws } });
    expect(events.map((e) => e.customerId)).toEqual([customer.id, customer.id, customer.id]);
  });

  it("a redelivery after processing is a duplicate and stores nothing", async () => {
    const { ws, source } = await shopWorkspace();
    const body = shopifyOrderBody(1, 1);
    expect((await postShopify(source.id, "orders/create", body, { id: "again" })).body.status).toBe("queued");
    const again = await postShopify(source.id, "orders/create", body, { id: "again" });
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate", deliveryId: "again" } });
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(1);
    const jobs = await db().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE payload->>'workspaceId' = ${ws}`;
    expect(jobs[0].count).toBe(0);
  });

  it("a poison delivery in a batch fails alone, with its reason; the others are processed", async () => {
    const { ws, source } = await shopWorkspace();
    // Dated far in the future: ingestion refuses its event (an expected, per-item refusal).
    const future = shopifyOrderBody(3, 3).replace(
      '"processed_at": "2021-12-31T19:00:00-05:00"',
      '"processed_at": "2099-01-01T00:00:00Z"',
    );
    const bodies = [shopifyOrderBody(1, 1), shopifyOrderBody(2, 2), future, shopifyOrderBody(4, 4)];
    for (const [k, body] of bodies.entries())
      await postShopify(source.id, "orders/create", body, { id: `poison-${k}`, settle: false });
    await settleJobs(ws);
    const rows = await db().shopWebhookDelivery.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["PROCESSED", "PROCESSED", "FAILED", "PROCESSED"]);
    expect(rows[2].result).toMatchObject({ reason: "event rejected" });
    expect(JSON.stringify(rows[2].result)).toContain("future");
    // One job took them together (one batch), and none is left to retry.
    const jobs = await db().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE payload->>'workspaceId' = ${ws}`;
    expect(jobs[0].count).toBe(0);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(3);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(4);
  });

  it("a bad signature is 401 and stores no row and queues no job", async () => {
    const { ws, source } = await shopWorkspace();
    const body = shopifyOrderBody(1, 1);
    const res = await postShopify(source.id, "orders/create", body, { hmac: signBody(body, "not-the-secret") });
    expect(res.status).toBe(401);
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws } })).toBe(0);
    const jobs = await db().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE payload->>'workspaceId' = ${ws}`;
    expect(jobs[0].count).toBe(0);
  });

  it("a body that is not a JSON object is refused before anything is stored", async () => {
    const { ws, source } = await shopWorkspace();
    const res = await postShopify(source.id, "orders/create", "[1, 2]");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws } })).toBe(0);
  });
});
