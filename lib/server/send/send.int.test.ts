// Send end to end through a real SMTP server (smtp-server in process, messages parsed with mailparser):
// a campaign to a view reaches exactly the consenting, unsuppressed customers, personalised; opens,
// clicks, unsubscribes, bounces and complaints flow back into consents and timelines; a restart mid-send
// delivers nobody twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import * as sendEndpoints from "@/lib/schemas/send";
import * as viewEndpoints from "@/lib/schemas/views";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startSmtpReceiver, type Received, type SmtpReceiver } from "@/test/kits/smtp-kit";
import { handlerOf } from "@/test/route-modules";
import { prepareCampaign, processCampaign } from "./process-campaign";
import { signingKey } from "./signing";
import { suppressEmail } from "./suppression";
import { closeSmtpPools } from "./transport";

let smtp: SmtpReceiver;
// Filled by the receiver as messages arrive (the same array, for the whole file).
let received: Received[] = [];

beforeAll(async () => {
  // A mailbox that does not exist: a permanent refusal, i.e. a hard bounce on send.
  smtp = await startSmtpReceiver((address) => (address.startsWith("bounce@") ? 550 : null));
  received = smtp.received;
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "news@shop.test";
});

afterAll(async () => {
  closeSmtpPools();
  delete process.env.SMTP_URL;
  await smtp.close();
});

interface Person {
  externalId: string;
  firstName?: string;
  email?: string;
  tags?: string[];
  consent?: boolean;
}

async function createCustomers(ws: string, people: Person[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of people) {
    const customer = await db().customer.create({
      data: {
        workspaceId: ws,
        externalId: p.externalId,
        tags: p.tags ?? ["vip"],
        base: {
          ...(p.firstName ? { firstName: p.firstName } : {}),
          ...(p.email ? { contacts: { email: p.email } } : {}),
        },
        consents: p.consent === undefined ? {} : { marketing: { automatic: { email: { status: p.consent } } } },
      },
    });
    ids.set(p.externalId, customer.id);
  }
  return ids;
}

function mailsTo(address: string): Received[] {
  return received.filter((r) => r.to === address);
}

async function get(endpoint: EndpointContract, token: string): Promise<Response> {
  return (await handlerOf(endpoint))(new Request(`http://atrium.test/x/${token}`), {
    params: Promise.resolve({ token }),
  });
}

function tokenOf(url: string): string {
  return url.split("/").pop() as string;
}

async function eventsOf(ws: string, customerId: string, type: string) {
  return db().event.findMany({ where: { workspaceId: ws, customerId, type } });
}

describe("a campaign to a view over real SMTP", () => {
  it("reaches exactly the consenting, unsuppressed customers, and feedback flows back", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send");
    const domain = `${ws.slice(0, 8)}.test`;
    const at = (local: string) => `${local}@${domain}`;
    const ids = await createCustomers(ws, [
      { externalId: "ann", firstName: "Ann", email: at("ann"), consent: true },
      { externalId: "bob", email: at("bob"), consent: true },
      { externalId: "cat", firstName: "Cat", email: at("cat"), consent: false },
      { externalId: "dan", firstName: "Dan", email: at("dan") },
      { externalId: "eve", firstName: "Eve", consent: true },
      { externalId: "fay", firstName: "Fay", email: at("fay"), consent: true },
      { externalId: "gus", firstName: "Gus", email: at("gus"), consent: true, tags: ["regular"] },
      { externalId: "hal", firstName: "Hal", email: `bounce@${domain}`, consent: true },
    ]);
    await suppressEmail(db(), { workspaceId: ws, key: await signingKey(), email: at("fay"), reason: "UNSUBSCRIBED" });

    const settings = await call(sendEndpoints.updateSendSettingsEndpoint, {
      ws,
      headers: admin,
      body: { fromName: "The Shop", replyTo: "help@shop.test", postalAddress: "1 Market St, Springfield" },
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    expect(settings.body.transport).toBe("SMTP");

    const view = await call<{ id: string }>(viewEndpoints.createViewEndpoint, {
      ws,
      headers: admin,
      body: { name: "VIPs", filter: { tag: "vip" } },
    });
    expect(view.status).toBe(201);

    const bad = await call<{ errors: { path: string }[] }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: { name: "Broken", subject: "Hi {{ customer.base.nope }}", html: "<p>{{ x | nofilter }}</p>" },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(["html", "subject"]);

    const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Spring sale",
        subject: 'Spring sale for {{ customer.base.firstName | default: "you" }}',
        preheader: "Up to 30% off",
        html: '<html><body><p>Hello {{ customer.base.firstName | default: "there" }}</p><a href="https://shop.test/sale?a=1&amp;b=2">Shop now</a></body></html>',
        viewId: view.body.id,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const campaignId = created.body.id;

    const audience = await call(sendEndpoints.getCampaignAudienceEndpoint, {
      ws,
      headers: admin,
      params: { id: campaignId },
    });
    expect(audience.body).toEqual({ audience: 7, recipients: 3, noConsent: 2, noEmail: 1, suppressed: 1 });

    const sent = await call(sendEndpoints.sendCampaignEndpoint, { ws, headers: admin, params: { id: campaignId } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await settleJobs(ws);

    const campaign = await call<{ status: string; progress: Record<string, number> }>(
      sendEndpoints.getCampaignEndpoint,
      {
        ws,
        headers: admin,
        params: { id: campaignId },
      },
    );
    expect(campaign.body.status).toBe("SENT");
    expect(campaign.body.progress).toMatchObject({ total: 3, sent: 2, bounced: 1, pending: 0 });

    const ours = received.filter((r) => r.to.endsWith(`@${domain}`));
    expect(ours.map((r) => r.to).sort()).toEqual([at("ann"), at("bob")]);
    const [ann] = mailsTo(at("ann"));
    const [bob] = mailsTo(at("bob"));
    expect(ann.mail.subject).toBe("Spring sale for Ann");
    expect(ann.mail.html).toContain("Hello Ann");
    expect(bob.mail.html).toContain("Hello there");
    expect(ann.mail.text).toContain("1 Market St, Springfield");
    expect(ann.mail.from?.value[0]).toMatchObject({ name: "The Shop", address: "news@shop.test" });
    const header = (mail: Received["mail"], name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? "";
    expect(header(ann.mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribeUrl = /<(http[^>]+\/unsubscribe\/[^>]+)>/.exec(header(ann.mail, "list-unsubscribe"))?.[1];
    expect(unsubscribeUrl).toBeTruthy();

    // The bounce on send: suppressed, with an event on the timeline.
    expect(await eventsOf(ws, ids.get("hal")!, "campaignBounced")).toHaveLength(1);
    expect(await eventsOf(ws, ids.get("ann")!, "campaignSent")).toHaveLength(1);

    // Open pixel, twice: one event.
    const pixel = /<img src="([^"]+\/open\/[^"]+)"/.exec(ann.mail.html as string)?.[1] as string;
    for (let i = 0; i < 2; i++) {
      const res = await get(sendEndpoints.getOpenPixelEndpoint, tokenOf(pixel));
      expect(res.headers.get("content-type")).toBe("image/gif");
    }
    expect(await eventsOf(ws, ids.get("ann")!, "campaignOpened")).toHaveLength(1);

    // Tracked link: redirects to the campaign's own link only.
    const tracked = /<a href="([^"]+\/click\/[^"]+)"/.exec(ann.mail.html as string)?.[1] as string;
    const click = await get(sendEndpoints.followTrackedLinkEndpoint, tokenOf(tracked.replace(/&amp;/g, "&")));
    expect(click.status).toBe(302);
    expect(click.headers.get("location")).toBe("https://shop.test/sale?a=1&b=2");
    const tampered = tokenOf(tracked).replace(/\.0\./, ".1.");
    expect((await get(sendEndpoints.followTrackedLinkEndpoint, tampered)).status).toBe(404);
    const clicks = await eventsOf(ws, ids.get("ann")!, "campaignLinkClicked");
    expect(clicks).toHaveLength(1);
    expect(clicks[0].properties).toMatchObject({ campaignId, linkUrl: "https://shop.test/sale?a=1&b=2" });

    // One-click unsubscribe (RFC 8058): a form POST without any sign-in.
    const unsubscribeToken = tokenOf(unsubscribeUrl!);
    const page = await get(sendEndpoints.getUnsubscribePageEndpoint, unsubscribeToken);
    expect(page.status).toBe(200);
    expect(await db().campaignRecipient.count({ where: { workspaceId: ws, unsubscribedAt: { not: null } } })).toBe(0);
    const oneClick = await (
      await handlerOf(sendEndpoints.postUnsubscribeEndpoint)
    )(
      new Request(unsubscribeUrl!, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token: unsubscribeToken }) },
    );
    expect(oneClick.status).toBe(200);
    const annRow = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: ids.get("ann")! } },
    });
    expect(annRow.consents).toMatchObject({ marketing: { automatic: { email: { status: false } } } });
    const registry = await db().consentRecord.findMany({
      where: { workspaceId: ws, customerId: ids.get("ann")!, key: "marketing.automatic.email" },
    });
    expect(registry).toHaveLength(1);
    expect(registry[0]).toMatchObject({ source: "Send", actorType: "SYSTEM" });
    expect(registry[0].evidence).toContain(campaignId);
    expect(await eventsOf(ws, ids.get("ann")!, "campaignUnsubscribed")).toHaveLength(1);

    // A complaint for Bob through the provider webhook, twice: recorded once.
    const messageId = bob.mail.messageId as string;
    for (const expected of ["recorded", "duplicate"]) {
      const feedback = await call<{ results: { status: string }[] }>(sendEndpoints.postSendFeedbackEndpoint, {
        ws,
        headers: admin,
        body: { notifications: [{ type: "complaint", messageId }] },
      });
      expect(feedback.body.results[0].status).toBe(expected);
    }
    expect(await eventsOf(ws, ids.get("bob")!, "campaignMarkedSpam")).toHaveLength(1);

    const report = await call<Record<string, unknown>>(sendEndpoints.getCampaignReportEndpoint, {
      ws,
      headers: admin,
      params: { id: campaignId },
    });
    expect(report.body).toMatchObject({
      delivered: 2,
      opened: 1,
      clicked: 1,
      unsubscribed: 1,
      bounced: 1,
      complained: 1,
    });
    expect(report.body.byLink).toEqual([{ url: "https://shop.test/sale?a=1&b=2", clicks: 1, recipients: 1 }]);

    // Nobody unsubscribed, complained or bounced is in the next campaign's audience.
    const second = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: { name: "Second", subject: "Again", html: "<p>Again</p>", viewId: view.body.id },
    });
    const next = await call(sendEndpoints.getCampaignAudienceEndpoint, {
      ws,
      headers: admin,
      params: { id: second.body.id },
    });
    expect(next.body).toMatchObject({ recipients: 0, noConsent: 4, noEmail: 1, suppressed: 2 });
  });

  it("delivers nobody twice when a send is interrupted and resumed", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send restart");
    const domain = `r${ws.slice(0, 8)}.test`;
    const people = Array.from({ length: 30 }, (_, i) => ({
      externalId: `p${i}`,
      firstName: `P${i}`,
      email: `p${i}@${domain}`,
      consent: true,
    }));
    await createCustomers(ws, people);
    const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: { name: "Restart", subject: "Hi {{ customer.base.firstName }}", html: "<p>Hi</p>" },
    });
    const campaignId = created.body.id;
    await db().campaign.update({
      where: { workspaceId_id: { workspaceId: ws, id: campaignId } },
      data: { status: "SCHEDULED", scheduledAt: new Date() },
    });
    expect(await prepareCampaign(ws, campaignId)).toBe(true);
    // Two chunks go out, then the process "dies" holding a third chunk it had claimed.
    expect(await processCampaign(ws, campaignId, { maxChunks: 2, chunkSize: 5 })).toBe(false);
    const claimed = await db().campaignRecipient.findMany({
      where: { workspaceId: ws, campaignId, status: "PENDING" },
      orderBy: { id: "asc" },
      take: 5,
    });
    await db().campaignRecipient.updateMany({
      where: { workspaceId: ws, id: { in: claimed.map((r) => r.id) } },
      data: { status: "SENDING", claimedAt: new Date(Date.now() - 10 * 60_000) },
    });
    // Resumed by two senders at once: SKIP LOCKED shares the rows.
    await Promise.all([
      processCampaign(ws, campaignId, { chunkSize: 5 }),
      processCampaign(ws, campaignId, { chunkSize: 5 }),
    ]);
    await processCampaign(ws, campaignId, { chunkSize: 5 });

    const ours = received.filter((r) => r.to.endsWith(`@${domain}`)).map((r) => r.to);
    expect(new Set(ours).size).toBe(ours.length);
    expect(ours).toHaveLength(25);
    const statuses = await db().campaignRecipient.groupBy({
      by: ["status"],
      where: { workspaceId: ws, campaignId },
      _count: { _all: true },
    });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ SENT: 25, INTERRUPTED: 5 });
    const interrupted = new Set(claimed.map((r) => r.email));
    expect(ours.some((to) => interrupted.has(to))).toBe(false);
    const campaign = await db().campaign.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: campaignId } },
    });
    expect(campaign.status).toBe("SENT");
  });
});
