// Every customer and consent change kind reaches a subscribed receiver, with the REST shapes, once per
// committed write; a write that rolls back sends nothing; a workspace without subscriptions queues nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import * as api from "@/lib/schemas/webhooks";
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit } from "@/lib/server/audit/record-audit";
import { changeConsents } from "@/lib/server/consents/change-consents";
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startReceiver, type Receiver } from "@/test/kits/webhook-kit";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const pendingFanOuts = async (ws: string) => {
  const [{ count }] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker._private_jobs WHERE payload->>'workspaceId' = ${ws}`;
  return count;
};

describe("webhook domain events", () => {
  it("sends created, updated, merged, consent.changed, and erased messages in REST shapes", async () => {
    const { ws, admin } = await workspaceWithAdmin("Domain events");
    const hook = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: {
        url: receiver.url,
        events: ["customer.created", "customer.updated", "customer.merged", "customer.erased", "consent.changed"],
      },
    });
    receiver.secret(hook.body.secret);
    const create = (externalId: string) =>
      call<{ id: string }>(customersApi.createCustomerEndpoint, { ws, headers: admin, body: { externalId } });
    const a = (await create("dom-a")).body.id;
    const b = (await create("dom-b")).body.id;
    await call(customersApi.patchCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: a },
      body: { tags: ["vip"] },
    });
    await changeConsents({
      workspaceId: ws,
      customerId: a,
      patch: { marketing: { automatic: { email: { status: true } } } },
      actor: SYSTEM_ACTOR,
    });
    const merged = await call(customersApi.mergeCustomersEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: a },
      body: { customerIds: [b] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    // Messages carry the customer as it is when they are sent: an erased customer's data is never sent,
    // so let these go before the erasure.
    await settleJobs(ws);
    await eraseCustomer({ workspaceId: ws, customerId: a, actor: SYSTEM_ACTOR });
    await settleJobs(ws);

    const got = receiver.received.filter((r) => JSON.stringify(r.payload.data).includes(a));
    const types = got.map((r) => r.type);
    expect(types.filter((t) => t === "customer.created")).toHaveLength(1);
    expect(types).toEqual(
      expect.arrayContaining(["customer.updated", "consent.changed", "customer.merged", "customer.erased"]),
    );
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got.find((r) => r.type === "customer.erased")!.payload.data).toEqual({ id: a });
    const consent = got.find((r) => r.type === "consent.changed")!.payload.data as Record<string, unknown>;
    expect(consent).toMatchObject({ customerId: a });
  });

  it("queues nothing for a rolled-back write, nor for a workspace without subscriptions", async () => {
    const { ws, admin } = await workspaceWithAdmin("Domain rollback");
    await call<{ id: string }>(customersApi.createCustomerEndpoint, {
      ws,
      headers: admin,
      body: { externalId: "none" },
    });
    expect(await pendingFanOuts(ws)).toBe(0);
    await call(api.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: receiver.url, events: ["customer.updated"] },
    });
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, { workspaceId: ws, actor: SYSTEM_ACTOR, action: "customer.updated", targetId: ws });
        expect(
          await tx.$queryRaw<
            unknown[]
          >`SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'workspaceId' = ${ws}`,
        ).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await pendingFanOuts(ws)).toBe(0);
  });
});
