// A fan-out job that runs again (graphile-worker retries a job whose worker crashed, or whose later step
// failed) must not send anything twice: every job of a workspace is run, then run again with the same
// payload, and the real receiver still sees one webhook-id per (subscription, domain event), the database
// holds one delivery per message and one automation run per (automation, event).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as automationsApi from "@/lib/schemas/automations";
import * as customersApi from "@/lib/schemas/customers";
import * as api from "@/lib/schemas/webhooks";
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { db } from "@/lib/server/db/client";
import { addJob } from "@/lib/server/jobs/enqueue";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { sendBatch } from "@/test/kits/event-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startReceiver, type Receiver } from "@/test/kits/webhook-kit";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const FAN_OUTS = ["events.created", "webhooks.domain-event", "automations.run"];

/** The workspace's pending fan-out jobs (task and payload), read before they run. */
const pendingFanOuts = (ws: string) =>
  db().$queryRaw<{ task: string; payload: object }[]>`
    SELECT t.identifier AS task, j.payload FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.payload->>'workspaceId' = ${ws} AND t.identifier = ANY (${FAN_OUTS}::text[])
     ORDER BY j.id`;

const counts = async (ws: string) => {
  const [row] = await db().$queryRaw<{ deliveries: number; runs: number }[]>`
    SELECT (SELECT count(*)::int FROM "WebhookDelivery" WHERE "workspaceId" = ${ws}::uuid) AS deliveries,
           (SELECT count(*)::int FROM "AutomationRun" WHERE "workspaceId" = ${ws}::uuid) AS runs`;
  return row;
};

describe("idempotent fan-out", () => {
  it("stores and sends nothing twice when events.created, domain-event and automation jobs run again", async () => {
    const { ws, admin } = await workspaceWithAdmin("Idempotent fan-out");
    const hook = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: receiver.url, events: ["event.created", "customer.updated"] },
    });
    expect(hook.status).toBe(201);
    receiver.secret(hook.body.secret);
    const automation = await call(automationsApi.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Tell on every page view",
        trigger: { eventType: "viewedPage", customers: "any" },
        actions: [{ type: "webhook", webhookId: hook.body.id }],
      },
    });
    expect(automation.status, JSON.stringify(automation.body)).toBe(201);
    const customer = await call<{ id: string }>(customersApi.createCustomerEndpoint, {
      ws,
      headers: admin,
      body: { externalId: "idem-1" },
    });
    const batch = await sendBatch(ws, admin, [
      { type: "viewedPage", anonymousId: "idem-a", properties: { url: "https://shop.example.com/a" } },
      { type: "viewedPage", anonymousId: "idem-b", properties: { url: "https://shop.example.com/b" } },
    ]);
    expect(batch.status, JSON.stringify(batch.body)).toBeLessThan(300);
    await call(customersApi.patchCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: customer.body.id },
      body: { tags: ["again"] },
    });

    const before = receiver.received.length;
    const firstJobs = await pendingFanOuts(ws);
    expect(firstJobs.map((j) => j.task).sort()).toEqual(["events.created", "webhooks.domain-event"]);
    await settleJobs(ws);
    const afterFirst = await counts(ws);
    // 2 event.created + 1 customer.updated + 2 automation.triggered.
    expect(afterFirst).toEqual({ deliveries: 5, runs: 2 });
    const firstIds = receiver.received.slice(before).map((r) => r.id);
    expect(firstIds).toHaveLength(5);

    // Run every fan-out again, as a retry would: the same payloads, and the automation runs reset to
    // pending as if their worker had died mid-run.
    for (const job of firstJobs) await addJob(job.task, job.payload);
    const runs = await db().automationRun.findMany({ where: { workspaceId: ws } });
    await db().automationRun.updateMany({ where: { workspaceId: ws }, data: { status: "PENDING" } });
    for (const run of runs) await addJob("automations.run", { workspaceId: ws, runId: run.id });
    await settleJobs(ws);

    expect(await counts(ws)).toEqual(afterFirst);
    const all = receiver.received.slice(before);
    expect(all.map((r) => r.id).sort()).toEqual([...firstIds].sort());
    expect(new Set(all.map((r) => r.id)).size).toBe(5);
    const reRun = await db().automationRun.findMany({ where: { workspaceId: ws } });
    expect(reRun.every((r) => r.status === "SUCCEEDED")).toBe(true);
    // A re-run keeps the results of the actions that already succeeded (run-automation.ts): the same
    // delivery, not a second one.
    const detailOf = (run: { results: unknown }) => (run.results as { detail: string }[])[0].detail;
    const firstDetails = new Map(runs.map((run) => [run.id, detailOf(run)]));
    for (const run of reRun) expect(detailOf(run)).toBe(firstDetails.get(run.id));
    expect([...firstDetails.values()].every((detail) => detail.startsWith("delivery "))).toBe(true);
  });
});
