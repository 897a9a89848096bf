// Send and the consent ledger, beyond its own messages: an erased person's address is never mailed again
// (even re-imported), a campaignUnsubscribed ingested from another tool withdraws the consent in the
// registry, and a mail to the List-Unsubscribe mailto (forwarded by the provider's inbound webhook to
// POST …/send/feedback) unsubscribes like the one-click link. Sandbox transport (no SMTP_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patchCustomerConsentsEndpoint } from "@/lib/schemas/consents";
import * as customers from "@/lib/schemas/customers";
import { createEventBatchEndpoint } from "@/lib/schemas/events";
import { eraseCustomerEndpoint, liftSuppressionEndpoint, listSuppressionsEndpoint } from "@/lib/schemas/privacy";
import * as sendEndpoints from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";
import { writeKeyFor } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { signingKey } from "./signing";
import { emailHash } from "./suppression";

const GRANTED = { marketing: { automatic: { email: { status: true } } } };

beforeAll(() => {
  delete process.env.SMTP_URL;
  process.env.SEND_UNSUBSCRIBE_MAILTO = "unsubscribe@shop.test";
});
afterAll(() => {
  delete process.env.SEND_UNSUBSCRIBE_MAILTO;
});

async function sendNow(ws: string, admin: Record<string, string>, name: string): Promise<string> {
  const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
    ws,
    headers: admin,
    body: { name, subject: "News", html: "<p>News</p>" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sent = await call(sendEndpoints.sendCampaignEndpoint, { ws, headers: admin, params: { id: created.body.id } });
  expect(sent.status).toBe(202);
  await settleJobs(ws);
  return created.body.id;
}

async function audienceOf(ws: string, admin: Record<string, string>) {
  const draft = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
    ws,
    headers: admin,
    body: { name: "Next", subject: "Next", html: "<p>Next</p>" },
  });
  return (await call(sendEndpoints.getCampaignAudienceEndpoint, { ws, headers: admin, params: { id: draft.body.id } }))
    .body;
}

async function emailConsent(ws: string, customerId: string): Promise<unknown> {
  const row = await db().customer.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: customerId } } });
  return (row.consents as { marketing?: { automatic?: { email?: { status?: unknown } } } }).marketing?.automatic?.email
    ?.status;
}

describe("Send and the consent ledger", () => {
  it("never mails an erased person again, even when her address comes back", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send erasure");
    const key = headersOf(await writeKeyFor(ws));
    const email = `era-${ws.slice(0, 8)}@example.com`;
    const her = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws,
      headers: key,
      body: { externalId: "era", base: { contacts: { email } }, consents: GRANTED },
    });
    expect(her.status, JSON.stringify(her.body)).toBe(201);
    await call(customers.createCustomerEndpoint, {
      ws,
      headers: key,
      body: { externalId: "other", base: { contacts: { email: `other-${email}` } }, consents: GRANTED },
    });
    await sendNow(ws, admin, "Before");
    const erased = await call(eraseCustomerEndpoint, { ws, headers: admin, params: { ws, id: her.body.id } });
    expect(erased.status).toBe(204);
    const suppression = await db().sendSuppression.findUnique({
      where: { workspaceId_emailHash: { workspaceId: ws, emailHash: emailHash(await signingKey(), email) } },
    });
    expect(suppression?.reason).toBe("ERASED");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { workspaceId: ws, action: "customer.erased" } });
    expect(audit.details).toMatchObject({ suppressedAddresses: 1 });
    expect(JSON.stringify(await db().sendSuppression.findMany({ where: { workspaceId: ws } }))).not.toContain(email);

    // An admin lifts the identity suppression and she is imported again, consenting: still not mailed.
    const list = await call<{ data: { type: string; hash: string }[] }>(listSuppressionsEndpoint, {
      ws,
      headers: admin,
      query: "",
    });
    const byEmail = list.body.data.find((s) => s.type === "email")!;
    expect(
      (await call(liftSuppressionEndpoint, { ws, headers: admin, params: { ws, hash: byEmail.hash } })).status,
    ).toBe(204);
    const back = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws,
      headers: key,
      body: { base: { contacts: { email: email.toUpperCase() } }, consents: GRANTED },
    });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(await audienceOf(ws, admin)).toEqual({
      audience: 2,
      recipients: 1,
      noConsent: 0,
      noEmail: 0,
      suppressed: 1,
    });
    await sendNow(ws, admin, "After");
    const outbox = await db().outboxMessage.findMany({ where: { workspaceId: ws }, select: { toAddress: true } });
    expect(outbox.map((m) => m.toAddress).sort()).toEqual([`other-${email}`, `other-${email}`, email].sort());
  });

  it("withdraws the consent when another tool reports an unsubscribe", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send external unsubscribe");
    const source = await writeKeyFor(ws);
    const key = headersOf(source);
    const created = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws,
      headers: key,
      body: {
        externalId: "ext",
        base: { contacts: { email: `ext-${ws.slice(0, 8)}@example.com` } },
        consents: { marketing: { automatic: { email: { status: true }, sms: { status: true } } } },
      },
    });
    const id = created.body.id;
    const occurredAt = new Date().toISOString();
    const unsubscribed = (messageId: string, properties: Record<string, unknown>, at = occurredAt) => ({
      type: "campaignUnsubscribed",
      context: "DIGITAL_CAMPAIGN",
      externalId: "ext",
      occurredAt: at,
      messageId,
      properties,
    });
    const batch = await call<{ results: { status: string; id: string }[] }>(createEventBatchEndpoint, {
      ws,
      headers: key,
      body: { events: [unsubscribed("m1", { campaignId: "c-42", campaignName: "Weekly", channel: "EMAIL" })] },
    });
    expect(batch.body.results[0].status, JSON.stringify(batch.body)).toBe("created");
    await settleJobs(ws);
    expect(await emailConsent(ws, id)).toBe(false);
    const entries = await db().consentRecord.findMany({
      where: { workspaceId: ws, customerId: id, key: "marketing.automatic.email", kind: "CHANGE" },
      orderBy: { changedAt: "asc" },
    });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ source: "Test source", actorType: "SOURCE", changedAt: new Date(occurredAt) });
    expect(entries[1].evidence).toContain(batch.body.results[0].id);
    expect(entries[1].evidence).toContain('"Weekly" (c-42)');

    // The same event again (a duplicate) and an SMS unsubscribe: only the SMS consent changes.
    await call(createEventBatchEndpoint, {
      ws,
      headers: key,
      body: { events: [unsubscribed("m1", { channel: "EMAIL" }), unsubscribed("m2", { channel: "SMS" })] },
    });
    await settleJobs(ws);
    const after = await db().consentRecord.groupBy({
      by: ["key"],
      where: { workspaceId: ws, customerId: id, kind: "CHANGE" },
      _count: { _all: true },
    });
    expect(Object.fromEntries(after.map((g) => [g.key, g._count._all]))).toMatchObject({
      "marketing.automatic.email": 2,
      "marketing.automatic.sms": 2,
    });

    // She subscribes again; an unsubscribe that happened before that, reported late, does not undo it.
    const granted = await call(patchCustomerConsentsEndpoint, {
      ws,
      headers: admin,
      params: { id },
      body: { marketing: { automatic: { email: { status: true } } }, _meta: { source: "Preference center" } },
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    await call(createEventBatchEndpoint, {
      ws,
      headers: key,
      body: { events: [unsubscribed("m3", {}, new Date(Date.now() - 60_000).toISOString())] },
    });
    await settleJobs(ws);
    expect(await emailConsent(ws, id)).toBe(true);
  });

  it("processes a mail to the List-Unsubscribe mailto forwarded to the feedback webhook", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send mailto");
    const email = `mailto-${ws.slice(0, 8)}@example.com`;
    const customer = await db().customer.create({
      data: { workspaceId: ws, externalId: "m", base: { contacts: { email } }, consents: GRANTED },
    });
    const campaignId = await sendNow(ws, admin, "Mailto");
    const [message] = await db().outboxMessage.findMany({ where: { workspaceId: ws, campaignId } });
    const header = (message.headers as Record<string, string>)["List-Unsubscribe"];
    const mailto = /<mailto:unsubscribe@shop\.test\?subject=([^>]+)>/.exec(header)?.[1];
    expect(mailto).toBeTruthy();
    const subject = decodeURIComponent(mailto!);
    const token = subject.replace(/^unsubscribe /, "");
    const feedback = (target: string, notification: Record<string, unknown>) =>
      call<{ results: { status: string }[]; errors?: { path: string }[] }>(sendEndpoints.postSendFeedbackEndpoint, {
        ws: target,
        headers: target === ws ? admin : other.admin,
        body: { notifications: [notification] },
      });
    const other = await workspaceWithAdmin("Send mailto other");

    // Nothing to find it by: the problem names the field.
    const bad = await feedback(ws, { type: "unsubscribe" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0].path).toContain("messageId");
    // Another workspace's token, or a forged one: nobody.
    expect((await feedback(other.ws, { type: "unsubscribe", token })).body.results[0].status).toBe("unknown");
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await feedback(ws, { type: "unsubscribe", token: forged })).body.results[0].status).toBe("unknown");
    expect(await emailConsent(ws, customer.id)).toBe(true);

    // The inbound mail's subject, then the same token again: recorded once.
    expect((await feedback(ws, { type: "unsubscribe", subject: `Re: ${subject}` })).body.results[0].status).toBe(
      "recorded",
    );
    expect((await feedback(ws, { type: "unsubscribe", token })).body.results[0].status).toBe("duplicate");
    expect(await emailConsent(ws, customer.id)).toBe(false);
    const registry = await db().consentRecord.findMany({
      where: { workspaceId: ws, customerId: customer.id, key: "marketing.automatic.email" },
    });
    expect(registry).toHaveLength(1);
    expect(registry[0]).toMatchObject({ source: "Send" });
    expect(registry[0].evidence).toContain(campaignId);
    expect(
      await db().event.count({ where: { workspaceId: ws, customerId: customer.id, type: "campaignUnsubscribed" } }),
    ).toBe(1);
    const suppression = await db().sendSuppression.findUnique({
      where: { workspaceId_emailHash: { workspaceId: ws, emailHash: emailHash(await signingKey(), email) } },
    });
    expect(suppression?.reason).toBe("UNSUBSCRIBED");
  });
});
