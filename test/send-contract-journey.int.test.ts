// The contract check validates every response the suite receives; this walks a campaign's life in the
// sandbox outbox (no SMTP configured) so that each Send operation's success answer is among them.
import { describe, expect, it } from "vitest";
import * as automations from "@/lib/schemas/automations";
import * as send from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { sendBatch } from "@/test/kits/event-kit";
import { settleJobs } from "@/test/kits/job-kit";

type Body = Record<string, unknown> & { id: string };

describe("a campaign's operations answer their documented success", () => {
  it("edit, preview, test send to the sandbox outbox, schedule, cancel, report and delete", async () => {
    delete process.env.SMTP_URL;
    const { ws, admin } = await workspaceWithAdmin("Send journey");
    const customer = await db().customer.create({
      data: { workspaceId: ws, base: { firstName: "Ada", contacts: { email: "ada@example.com" } } },
    });
    const draft = { name: "Winter sale", subject: "Hello {{ customer.base.firstName }}", html: "<p>Hi</p>" };
    const campaign = await call<Body>(send.createCampaignEndpoint, { ws, headers: admin, body: draft });
    expect(campaign.status).toBe(201);
    const params = { id: campaign.body.id };

    const edited = await call(send.updateCampaignEndpoint, {
      ws,
      headers: admin,
      params,
      body: { subject: "Hi {{ customer.base.firstName | default: 'there' }}" },
    });
    expect(edited.status).toBe(200);

    const preview = await call<{ subject: string }>(send.previewMessageEndpoint, {
      ws,
      headers: admin,
      body: { subject: "Hi {{ customer.base.firstName }}", html: "<p>Hi</p>", customerId: customer.id },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe("Hi Ada");

    const test = await call(send.testCampaignEndpoint, {
      ws,
      headers: admin,
      params,
      body: { to: "me@example.com", customerId: customer.id },
    });
    expect(test.status).toBe(200);
    const outbox = await call<{ data: { id: string }[] }>(send.listOutboxEndpoint, { ws, headers: admin });
    expect(outbox.body.data.length).toBeGreaterThan(0);
    const message = await call(send.getOutboxMessageEndpoint, {
      ws,
      headers: admin,
      params: { id: outbox.body.data[0].id },
    });
    expect(message.status).toBe(200);

    const later = new Date(Date.now() + 24 * 3600_000).toISOString();
    await call(send.updateCampaignEndpoint, { ws, headers: admin, params, body: { scheduledAt: later } });
    const scheduled = await call(send.sendCampaignEndpoint, { ws, headers: admin, params });
    expect(scheduled.status).toBe(202);
    const cancelled = await call(send.cancelCampaignEndpoint, { ws, headers: admin, params });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("CANCELLED");

    // A triggered message (an automation's sendEmail action, a campaign in any status as its template):
    // the recipients and the report answer with one of origin automation.
    await db().customer.update({
      where: { workspaceId_id: { workspaceId: ws, id: customer.id } },
      data: { consents: { marketing: { automatic: { email: { status: true } } } } },
    });
    const automation = await call(automations.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Welcome",
        trigger: { eventType: "loggedIn", customers: "known" },
        actions: [{ type: "sendEmail", campaignId: campaign.body.id }],
      },
    });
    expect(automation.status, JSON.stringify(automation.body)).toBe(201);
    await sendBatch(ws, admin, [{ type: "loggedIn", customerId: customer.id, properties: {} }]);
    await settleJobs(ws);

    const recipients = await call<{ data: { origin: string }[] }>(send.listCampaignRecipientsEndpoint, {
      ws,
      headers: admin,
      params,
    });
    expect(recipients.status).toBe(200);
    expect(recipients.body.data.map((r) => r.origin)).toEqual(["automation"]);
    const report = await call<send.CampaignReport>(send.getCampaignReportEndpoint, { ws, headers: admin, params });
    expect(report.status).toBe(200);
    expect(report.body.byOrigin.automation.delivered).toBe(1);

    const other = await call<Body>(send.createCampaignEndpoint, { ws, headers: admin, body: draft });
    const removed = await call(send.deleteCampaignEndpoint, { ws, headers: admin, params: { id: other.body.id } });
    expect(removed.status).toBe(204);
  });
});
