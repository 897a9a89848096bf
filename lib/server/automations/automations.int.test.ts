// Automations end to end: saved through the API (Users write), triggered by ingested events for the right
// customers (kind and filter), run as jobs after their delay, actions applied through the customer
// service and a signed webhook delivery; runs recorded; bad definitions refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "@/lib/schemas/automations";
import type { Automation, AutomationRun } from "@/lib/schemas/automations";
import * as customersApi from "@/lib/schemas/customers";
import * as webhooksApi from "@/lib/schemas/webhooks";
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { memberSession } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { sendBatch } from "@/test/kits/event-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startReceiver, type Receiver } from "@/test/kits/webhook-kit";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const page = { type: "viewedPage", properties: { url: "https://shop.example.com/" } };

async function customer(ws: string, admin: Headers, externalId: string, country: string) {
  const res = await call<{ id: string; tags: string[] }>(customersApi.createCustomerEndpoint, {
    ws,
    headers: admin,
    body: { externalId, base: { address: { country } } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const runsOf = async (ws: string, headers: Headers, id: string) =>
  (await call<{ data: AutomationRun[] }>(api.listAutomationRunsEndpoint, { ws, headers, params: { ws, id } })).body
    .data;

describe("automations", () => {
  it("run their actions for matching known customers only, recorded as runs", async () => {
    const { ws, admin } = await workspaceWithAdmin("Automations");
    const user = headersOf(await memberSession(ws, "USER"));
    const guest = headersOf(await memberSession(ws, "GUEST"));
    const hook = await call<WebhookWithSecret>(webhooksApi.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: receiver.url, events: ["customer.created"] },
    });
    receiver.secret(hook.body.secret);
    const created = await call<Automation>(api.createAutomationEndpoint, {
      ws,
      headers: user,
      body: {
        name: "Italian browsers",
        trigger: {
          eventType: "viewedPage",
          customers: "known",
          filter: { field: "base.address.country", op: "eq", value: "IT" },
        },
        actions: [
          { type: "addTag", tag: "browsed" },
          { type: "setProperty", path: "base.firstName", value: "Browser" },
          { type: "webhook", webhookId: hook.body.id },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const forbidden = await call(api.createAutomationEndpoint, { ws, headers: guest, body: created.body });
    expect(forbidden.status).toBe(403);
    const it_ = await customer(ws, admin, "auto-it", "IT");
    const fr = await customer(ws, admin, "auto-fr", "FR");
    const before = receiver.received.length;
    const sent = await sendBatch(ws, admin, [
      { ...page, customerId: it_ },
      { ...page, customerId: fr },
      { ...page, anonymousId: "auto-anon" },
      { type: "signedIn", customerId: it_, properties: {} },
    ]);
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
    await settleJobs(ws);

    const runs = await runsOf(ws, guest, created.body.id);
    expect(runs).toHaveLength(1);
    expect(runs[0].error).toBeNull();
    expect(runs[0]).toMatchObject({ customerId: it_, status: "succeeded" });
    expect(runs[0].results.map((r) => [r.type, r.ok])).toEqual([
      ["addTag", true],
      ["setProperty", true],
      ["webhook", true],
    ]);
    const italian = await call<{ tags: string[]; base: { firstName?: string } }>(customersApi.getCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: it_ },
    });
    expect(italian.body.tags).toContain("browsed");
    expect(italian.body.base.firstName).toBe("Browser");
    const french = await call<{ tags: string[] }>(customersApi.getCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: fr },
    });
    expect(french.body.tags).not.toContain("browsed");
    const delivered = receiver.received.slice(before).filter((r) => r.type === "automation.triggered");
    expect(delivered).toHaveLength(1);
    expect(delivered[0].verified).toBe(true);
    expect(delivered[0].payload.data).toMatchObject({ automationId: created.body.id, customerId: it_ });
  });

  it("waits for its delay, triggers on anonymous events when asked, and skips runs of a disabled automation", async () => {
    const { ws, admin } = await workspaceWithAdmin("Automations delay");
    const delayed = await call<Automation>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Later",
        trigger: { eventType: "viewedPage", customers: "anonymous" },
        delayMinutes: 30,
        actions: [{ type: "webhook", url: receiver.url }],
      },
    });
    expect(delayed.status, JSON.stringify(delayed.body)).toBe(201);
    await sendBatch(ws, admin, [{ ...page, anonymousId: "later-1" }]);
    await settleJobs(ws);
    const [run] = await runsOf(ws, admin, delayed.body.id);
    expect(run.status).toBe("pending");
    expect(new Date(run.runAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    const off = await call(api.updateAutomationEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: delayed.body.id },
      body: { enabled: false },
    });
    expect(off.status).toBe(200);
  });

  it("refuses bad definitions, naming the field", async () => {
    const { ws, admin } = await workspaceWithAdmin("Automations bad");
    const bad = await call<{ errors: { path: string }[] }>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Bad",
        trigger: {
          eventType: "viewedPage",
          customers: "known",
          filter: { field: "extended.nope", op: "eq", value: 1 },
        },
        actions: [{ type: "webhook" }, { type: "webhook", webhookId: "00000000-0000-7000-8000-000000000000" }],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["actions.0", "actions.1.webhookId"]));
    expect(bad.body.errors.some((e) => e.path.startsWith("trigger.filter"))).toBe(true);
  });
});
