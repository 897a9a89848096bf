// view.entered / view.left: a view's kept members change when customers are written; the refresh (the
// per-minute "views.refresh-watched" job, or a report) sends those changes to subscribed receivers, once,
// signed and verified with the standardwebhooks package. The first build is the baseline: it sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import * as viewsApi from "@/lib/schemas/views";
import * as api from "@/lib/schemas/webhooks";
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { call, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startReceiver, type Receiver } from "@/test/kits/webhook-kit";
import { startJobWorker } from "@/lib/server/jobs/worker";
import { JOB_CRON_ITEMS, jobTaskList } from "@/lib/server/runtime/job-tasks";
import { refreshWatchedViews } from "./view-membership";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

async function customer(ws: string, admin: Headers, externalId: string, country: string) {
  const res = await call<{ id: string }>(customersApi.createCustomerEndpoint, {
    ws,
    headers: admin,
    body: { externalId, base: { address: { country } } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const moveTo = (ws: string, admin: Headers, id: string, country: string) =>
  call(customersApi.patchCustomerEndpoint, {
    ws,
    headers: admin,
    params: { ws, id },
    body: { base: { address: { country } } },
  });

describe("view.entered / view.left webhooks", () => {
  it("tells subscribed receivers who entered and who left a view, once per change", async () => {
    const { ws, admin } = await workspaceWithAdmin("View hooks");
    const hook = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: receiver.url, events: ["view.entered", "view.left"] },
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    receiver.secret(hook.body.secret);
    const italian = await customer(ws, admin, "vh-it", "IT");
    const french = await customer(ws, admin, "vh-fr", "FR");
    const view = await call<{ id: string }>(viewsApi.createViewEndpoint, {
      ws,
      headers: admin,
      body: { name: "Italy", filter: { field: "base.address.country", op: "eq", value: "IT" } },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    await settleJobs(ws); // the first build: the baseline, nothing to tell
    const before = receiver.received.length;
    await refreshWatchedViews();
    await settleJobs(ws);
    expect(receiver.received.length).toBe(before);

    expect((await moveTo(ws, admin, french, "IT")).status).toBe(200);
    expect((await moveTo(ws, admin, italian, "DE")).status).toBe(200);
    await refreshWatchedViews();
    await settleJobs(ws);
    const got = receiver.received.slice(before);
    expect(got.map((r) => [r.type, (r.payload.data as { customerId: string }).customerId]).sort()).toEqual(
      [
        ["view.entered", french],
        ["view.left", italian],
      ].sort(),
    );
    expect(got.every((r) => r.verified)).toBe(true);
    expect(got[0].payload.data).toMatchObject({ view: { id: view.body.id, name: "Italy" } });

    // Nothing changed since: a second refresh tells nothing again.
    await refreshWatchedViews();
    await settleJobs(ws);
    expect(receiver.received.length).toBe(before + 2);
  });

  it("schedules the refresh as a recurring job every worker accepts", async () => {
    const worker = await startJobWorker({
      connectionString: process.env.DATABASE_URL ?? "",
      tasks: jobTaskList(),
      cronItems: JOB_CRON_ITEMS,
      concurrency: 1,
    });
    await worker.stop();
    expect(JOB_CRON_ITEMS.map((i) => i.task)).toEqual(["views.refresh-watched"]);
  });

  it("sends neither kind to subscriptions that did not ask for them", async () => {
    const { ws, admin } = await workspaceWithAdmin("View hooks off");
    const hook = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: receiver.url, events: ["view.left"] },
    });
    receiver.secret(hook.body.secret);
    await call(viewsApi.createViewEndpoint, {
      ws,
      headers: admin,
      body: { name: "Spain", filter: { field: "base.address.country", op: "eq", value: "ES" } },
    });
    await settleJobs(ws);
    const before = receiver.received.length;
    await customer(ws, admin, "vh-es", "ES"); // enters: not asked for
    await refreshWatchedViews();
    await settleJobs(ws);
    expect(receiver.received.slice(before)).toEqual([]);
  });
});
