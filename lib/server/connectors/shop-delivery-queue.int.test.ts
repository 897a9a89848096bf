// The receivers' job handshake (queue-shop-delivery.ts): a delivery claimed while the source's job waits
// queues nothing more, and the job, before it concludes the queue is empty, waits for any receiver that
// saw it waiting and then finds that receiver's delivery.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { postShopify, shopifyOrderBody, shopWorkspace } from "@/test/kits/shop-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { deliveriesStillQueued, deliveryJobKey } from "./queue-shop-delivery";

const jobsOf = (sourceId: string) =>
  db().$queryRaw<{ id: string; revision: number; locked: boolean }[]>`
    SELECT id::text, revision, locked_at IS NOT NULL AS locked FROM graphile_worker._private_jobs
     WHERE key = ${deliveryJobKey(sourceId)}`;

describe("the shop delivery queue", () => {
  it("queues one job for deliveries arriving while it waits, untouched by them, which then processes them all", async () => {
    const { ws, source } = await shopWorkspace();
    for (let i = 0; i < 5; i++) {
      const answer = await postShopify(source.id, "orders/create", shopifyOrderBody(i, i), { settle: false });
      expect(answer.body.status).toBe("queued");
    }
    const jobs = await jobsOf(source.id);
    expect(jobs).toHaveLength(1);
    // add_job with the key would have replaced the waiting job each time (revision counts its updates).
    expect(jobs[0].revision).toBe(0);
    await settleJobs(ws);
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws, status: "PROCESSED" } })).toBe(5);
    expect(await db().event.count({ where: { workspaceId: ws, type: "completedOrder" } })).toBe(5);
  });

  it("the job's last look waits for a receiver that saw it waiting, and then sees that receiver's delivery", async () => {
    const { ws, source } = await shopWorkspace();
    const receiver = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await receiver.connect();
    try {
      // A receiver between its check and its commit: the delivery is claimed, the shared lock held.
      await receiver.query("BEGIN");
      await receiver.query(
        `INSERT INTO "ShopWebhookDelivery" ("workspaceId", id, "sourceId", "deliveryId", topic, status, result, payload)
         VALUES ($1::uuid, $2::uuid, $3::uuid, 'late-1', 'orders/create', 'QUEUED', '{}', $4)`,
        [ws, uuidV7(), source.id, shopifyOrderBody(1, 1)],
      );
      await receiver.query("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))", [deliveryJobKey(source.id)]);
      let answered = false;
      const look = db()
        .$transaction((tx) => deliveriesStillQueued(tx, ws, source.id))
        .then((more) => ((answered = true), more));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      await receiver.query("COMMIT");
      expect(await look).toBe(true);
    } finally {
      await receiver.end();
    }
    expect(
      await db().$transaction((tx) => deliveriesStillQueued(tx, "00000000-0000-7000-8000-000000000000", source.id)),
    ).toBe(false);
  });
});
