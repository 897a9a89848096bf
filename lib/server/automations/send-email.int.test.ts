// The sendEmail action end to end, over a real SMTP server (smtp-server, test/kits/smtp-kit.ts) and the
// sandbox outbox: an ingested event triggers the automation and its customer gets the campaign's message,
// personalised, with signed one-click unsubscribe headers that work; no consent, no address, suppressed
// or erased customers are skipped with the reason; a retried run (a temporary SMTP refusal, or a re-run
// of the job) still sends one message; the campaign's report counts it as a message of origin automation.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as api from "@/lib/schemas/automations";
import type { Automation, AutomationRun } from "@/lib/schemas/automations";
import * as sendEndpoints from "@/lib/schemas/send";
import type { CampaignReport } from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { signingKey, verifyToken } from "@/lib/server/send/signing";
import { suppressEmail } from "@/lib/server/send/suppression";
import { closeSmtpPools } from "@/lib/server/send/transport";
import { memberSession } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { sendBatch } from "@/test/kits/event-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/kits/smtp-kit";
import { handlerOf } from "@/test/route-modules";
import { runAutomation } from "./run-automation";

let smtp: SmtpReceiver;

beforeAll(async () => {
  // grey@: refused for now (451) at its first attempt, then accepted.
  smtp = await startSmtpReceiver((address, attempt) => (address.startsWith("grey@") && attempt === 1 ? 451 : null));
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "hello@shop.test";
});

afterAll(async () => {
  closeSmtpPools();
  delete process.env.SMTP_URL;
  await smtp.close();
});

interface Person {
  externalId: string;
  firstName: string;
  email?: string;
  consent?: boolean;
}

async function createCustomers(ws: string, people: Person[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const p of people) {
    const row = await db().customer.create({
      data: {
        workspaceId: ws,
        externalId: p.externalId,
        base: { firstName: p.firstName, ...(p.email ? { contacts: { email: p.email } } : {}) },
        consents: p.consent === undefined ? {} : { marketing: { automatic: { email: { status: p.consent } } } },
      },
    });
    ids[p.externalId] = row.id;
  }
  return ids;
}

async function welcomeCampaign(ws: string, admin: Headers): Promise<string> {
  const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
    ws,
    headers: admin,
    body: {
      name: "Welcome",
      subject: 'Welcome, {{ customer.base.firstName | default: "friend" }}',
      preheader: "Glad you are here",
      html: '<html><body><p>Hello {{ customer.base.firstName }}</p><a href="https://shop.test/start">Start</a></body></html>',
      text: "Hello {{ customer.base.firstName }}, welcome to {{ campaign.name }}.",
      from: { name: "The Shop", address: "welcome@shop.test" },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function automationSending(ws: string, headers: Headers, campaignId: string, delayMinutes = 0) {
  const created = await call<Automation>(api.createAutomationEndpoint, {
    ws,
    headers,
    body: {
      name: "Welcome mail",
      trigger: { eventType: "loggedIn", customers: "known" },
      delayMinutes,
      actions: [
        { type: "addTag", tag: "welcomed" },
        { type: "sendEmail", campaignId },
      ],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function runsByCustomer(ws: string, admin: Headers, automationId: string) {
  const res = await call<{ data: AutomationRun[] }>(api.listAutomationRunsEndpoint, {
    ws,
    headers: admin,
    params: { ws, id: automationId },
  });
  return new Map(res.body.data.map((run) => [run.customerId, run]));
}

const signUps = (ids: string[]) => ids.map((customerId) => ({ type: "loggedIn", customerId, properties: {} }));
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? "";

describe("the sendEmail action", () => {
  it("mails the triggering customer over SMTP, personalised with working unsubscribe headers, and skips the rest with the reason", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send email action");
    const user = headersOf(await memberSession(ws, "USER"));
    const domain = `a${ws.slice(0, 8)}.test`;
    const at = (local: string) => `${local}@${domain}`;
    const ids = await createCustomers(ws, [
      { externalId: "ann", firstName: "Ann", email: at("ann"), consent: true },
      { externalId: "cat", firstName: "Cat", email: at("cat"), consent: false },
      { externalId: "dan", firstName: "Dan", email: at("dan") },
      { externalId: "eve", firstName: "Eve", consent: true },
      { externalId: "fay", firstName: "Fay", email: at("fay"), consent: true },
    ]);
    await suppressEmail(db(), { workspaceId: ws, key: await signingKey(), email: at("fay"), reason: "COMPLAINT" });
    const campaignId = await welcomeCampaign(ws, admin);
    // Users write automations (as for the other actions); the campaign stays a draft: a template.
    const automationId = await automationSending(ws, user, campaignId);

    const sent = await sendBatch(ws, admin, signUps(Object.values(ids)));
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
    await settleJobs(ws);

    const runs = await runsByCustomer(ws, admin, automationId);
    expect(runs.size).toBe(5);
    for (const run of runs.values()) expect(run.status, JSON.stringify(run)).toBe("succeeded");
    const detail = (who: string) => runs.get(ids[who])?.results[1].detail ?? "";
    expect(detail("ann")).toMatch(/^sent: over SMTP, message [0-9a-f-]{36}$/);
    expect(detail("cat")).toBe("skipped: no consent (marketing.automatic.email is not granted)");
    expect(detail("dan")).toBe("skipped: no consent (marketing.automatic.email is not granted)");
    expect(detail("eve")).toBe("skipped: no e-mail address");
    expect(detail("fay")).toBe("skipped: the address is suppressed after a complaint");

    const ours = smtp.received.filter((r) => r.to.endsWith(`@${domain}`));
    expect(ours.map((r) => r.to)).toEqual([at("ann")]);
    const { mail } = ours[0];
    expect(mail.subject).toBe("Welcome, Ann");
    expect(mail.html).toContain("Hello Ann");
    expect(mail.html).toContain("Glad you are here");
    expect(mail.text).toContain("Hello Ann, welcome to Welcome.");
    expect(mail.from?.value[0]).toMatchObject({ name: "The Shop", address: "welcome@shop.test" });
    expect(header(mail, "x-atrium-campaign")).toContain(campaignId);
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribeUrl = /<(http[^>]+\/unsubscribe\/[^>]+)>/.exec(header(mail, "list-unsubscribe"))?.[1] ?? "";
    const token = unsubscribeUrl.split("/").pop() ?? "";
    // Signed for this recipient: the message's row, of origin automation and keyed by the run.
    const signed = verifyToken(await signingKey(), token, "u");
    const row = await db().campaignRecipient.findFirstOrThrow({ where: { workspaceId: ws, campaignId } });
    expect(signed).toMatchObject({ workspaceId: ws, recipientId: row.id });
    expect(row).toMatchObject({
      customerId: ids.ann,
      status: "SENT",
      origin: "AUTOMATION",
      automationId,
      automationRunId: runs.get(ids.ann)?.id,
    });
    expect(mail.messageId).toBe(`<${row.id}@shop.test>`);
    expect(await db().event.count({ where: { workspaceId: ws, customerId: ids.ann, type: "campaignSent" } })).toBe(1);

    // One click unsubscribes her, as from a broadcast message.
    const oneClick = await (
      await handlerOf(sendEndpoints.postUnsubscribeEndpoint)
    )(
      new Request(unsubscribeUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(oneClick.status).toBe(200);
    const ann = await db().customer.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: ids.ann } } });
    expect(ann.consents).toMatchObject({ marketing: { automatic: { email: { status: false } } } });

    // The campaign's report counts the message, as one of origin automation; its own send has none.
    const report = await call<CampaignReport>(sendEndpoints.getCampaignReportEndpoint, {
      ws,
      headers: admin,
      params: { id: campaignId },
    });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ delivered: 1, unsubscribed: 1, progress: { total: 0 } });
    expect(report.body.byOrigin.automation).toMatchObject({ messages: 1, delivered: 1, unsubscribed: 1 });
    expect(report.body.byOrigin.campaign).toMatchObject({ messages: 0, delivered: 0 });
    const recipients = await call<{ data: { origin: string; automationRunId: string | null }[] }>(
      sendEndpoints.listCampaignRecipientsEndpoint,
      { ws, headers: admin, params: { id: campaignId } },
    );
    expect(recipients.body.data).toEqual([
      expect.objectContaining({ origin: "automation", automationRunId: runs.get(ids.ann)?.id }),
    ]);

    // Her second sign-up is a new run, but she unsubscribed meanwhile: skipped, nothing sent.
    await sendBatch(ws, admin, signUps([ids.ann]));
    await settleJobs(ws);
    const again = await call<{ data: AutomationRun[] }>(api.listAutomationRunsEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: automationId },
    });
    const newest = again.body.data.filter((run) => run.customerId === ids.ann)[0];
    expect(newest.results[1].detail).toMatch(/^skipped: (no consent|the address is suppressed after an unsubscribe)/);
    expect(smtp.received.filter((r) => r.to === at("ann"))).toHaveLength(1);
  });

  it("sends one message across job retries (a temporary refusal retried by the queue, a re-run of a finished run), apart from the campaign's own send", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send email retries");
    const domain = `b${ws.slice(0, 8)}.test`;
    const ids = await createCustomers(ws, [
      { externalId: "grey", firstName: "Grey", email: `grey@${domain}`, consent: true },
    ]);
    const campaignId = await welcomeCampaign(ws, admin);
    const automationId = await automationSending(ws, admin, campaignId);
    await sendBatch(ws, admin, signUps([ids.grey]));
    await settleJobs(ws);

    // Refused for now (451): the run waits as PENDING with the addTag result kept; its job is retried later.
    const [waiting] = (await runsByCustomer(ws, admin, automationId)).values();
    expect(waiting.status).toBe("pending");
    expect(waiting.results.map((r) => r.type)).toEqual(["addTag"]);
    const row = await db().campaignRecipient.findFirstOrThrow({ where: { workspaceId: ws, campaignId } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.error).toContain("451");
    const [job] = await db().$queryRaw<{ id: string; attempts: number; lastError: string }[]>`
      SELECT id::text, attempts, last_error AS "lastError" FROM graphile_worker._private_jobs
       WHERE payload->>'runId' = ${waiting.id}`;
    expect(job.attempts).toBe(1);
    expect(job.lastError).toContain("refused the message for now");
    // The campaign's own send meanwhile (to everyone, her too) neither claims nor waits for the triggered row.
    const broadcast = await call(sendEndpoints.sendCampaignEndpoint, {
      ws,
      headers: admin,
      params: { id: campaignId },
    });
    expect(broadcast.status).toBe(202);
    await settleJobs(ws);
    const sentCampaign = await call<{ status: string; progress: { total: number; sent: number } }>(
      sendEndpoints.getCampaignEndpoint,
      { ws, headers: admin, params: { id: campaignId } },
    );
    expect(sentCampaign.body).toMatchObject({ status: "SENT", progress: { total: 1, sent: 1 } });
    expect(
      await db().campaignRecipient.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: row.id } } }),
    ).toMatchObject({ status: "PENDING", origin: "AUTOMATION" });

    // Its backoff is over: the queue's retry delivers it.
    await db().$queryRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${job.id}::bigint], run_at => now())`;
    await settleJobs(ws);

    const [done] = (await runsByCustomer(ws, admin, automationId)).values();
    expect(done.status).toBe("succeeded");
    expect(done.results.map((r) => [r.type, r.ok])).toEqual([
      ["addTag", true],
      ["sendEmail", true],
    ]);
    expect(done.results[1].detail).toMatch(/^sent: over SMTP/);
    // One broadcast message and one triggered message.
    expect(smtp.received.filter((r) => r.to === `grey@${domain}`)).toHaveLength(2);
    const report = await call<CampaignReport>(sendEndpoints.getCampaignReportEndpoint, {
      ws,
      headers: admin,
      params: { id: campaignId },
    });
    expect(report.body.delivered).toBe(2);
    expect(report.body.byOrigin.campaign).toMatchObject({ messages: 1, delivered: 1 });
    expect(report.body.byOrigin.automation).toMatchObject({ messages: 1, delivered: 1 });

    // The same run again (as a job retried after a crash that lost its outcome): found, not sent again.
    await db().automationRun.update({
      where: { workspaceId_id: { workspaceId: ws, id: done.id } },
      data: { status: "PENDING", results: [] },
    });
    await runAutomation({ workspaceId: ws, runId: done.id });
    const [rerun] = (await runsByCustomer(ws, admin, automationId)).values();
    expect(rerun.results[1].detail).toMatch(/^sent: sent by an earlier attempt of this run/);
    expect(smtp.received.filter((r) => r.to === `grey@${domain}`)).toHaveLength(2);
    expect(await db().campaignRecipient.count({ where: { workspaceId: ws, campaignId, origin: "AUTOMATION" } })).toBe(
      1,
    );
  });

  it("stores one message in the sandbox outbox, once across re-runs, and skips a customer erased before her run", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send email sandbox");
    await db().sendSettings.create({ data: { workspaceId: ws, transport: "SANDBOX" } });
    const domain = `c${ws.slice(0, 8)}.test`;
    const ids = await createCustomers(ws, [
      { externalId: "gil", firstName: "Gil", email: `gil@${domain}`, consent: true },
      { externalId: "hel", firstName: "Hel", email: `hel@${domain}`, consent: true },
    ]);
    const campaignId = await welcomeCampaign(ws, admin);
    const automationId = await automationSending(ws, admin, campaignId, 30);
    // A message's own campaignSent event must not start another message (no e-mail loops).
    const loop = await call<Automation>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Loop",
        trigger: { eventType: "campaignSent", customers: "known" },
        actions: [{ type: "sendEmail", campaignId }],
      },
    });
    expect(loop.status).toBe(201);
    await sendBatch(ws, admin, signUps([ids.gil, ids.hel]));
    await settleJobs(ws);
    const pending = await runsByCustomer(ws, admin, automationId);
    expect([...pending.values()].map((run) => run.status)).toEqual(["pending", "pending"]);

    // Hel is erased while her run waits for its delay; then both runs come due.
    await eraseCustomer({ workspaceId: ws, customerId: ids.hel, actor: { type: "SYSTEM", name: "test" } });
    for (const run of pending.values()) await runAutomation({ workspaceId: ws, runId: run.id });
    const gilRun = pending.get(ids.gil)!;
    await db().automationRun.update({
      where: { workspaceId_id: { workspaceId: ws, id: gilRun.id } },
      data: { status: "PENDING", results: [] },
    });
    await runAutomation({ workspaceId: ws, runId: gilRun.id });

    await settleJobs(ws);
    const runs = await runsByCustomer(ws, admin, automationId);
    expect(runs.get(ids.gil)?.results[1].detail).toMatch(/^sent: (to the sandbox outbox|sent by an earlier attempt)/);
    const [looped] = (await runsByCustomer(ws, admin, loop.body.id)).values();
    expect(looped.results[0].detail).toBe("skipped: triggered by a campaign message's own event (no e-mail loops)");
    const hel = runs.get(ids.hel)!;
    // Her run has no customer left for addTag: it fails there, before any e-mail could go out.
    expect(hel.status).toBe("failed");
    const outbox = await db().outboxMessage.findMany({ where: { workspaceId: ws } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ toAddress: `gil@${domain}`, subject: "Welcome, Gil", campaignId });
    expect(outbox[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((outbox[0].headers as Record<string, string>)["List-Unsubscribe"]).toMatch(/\/api\/v1\/send\/unsubscribe\//);
  });

  it("skips an erased customer's run with the reason, and a re-imported copy of her as suppressed", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send email erased");
    await db().sendSettings.create({ data: { workspaceId: ws, transport: "SANDBOX" } });
    const email = `ida@d${ws.slice(0, 8)}.test`;
    const ids = await createCustomers(ws, [{ externalId: "ida", firstName: "Ida", email, consent: true }]);
    const campaignId = await welcomeCampaign(ws, admin);
    const created = await call<Automation>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Only mail",
        trigger: { eventType: "loggedIn", customers: "known" },
        delayMinutes: 30,
        actions: [{ type: "sendEmail", campaignId }],
      },
    });
    await sendBatch(ws, admin, signUps([ids.ida]));
    await settleJobs(ws);
    const [run] = (await runsByCustomer(ws, admin, created.body.id)).values();
    await eraseCustomer({ workspaceId: ws, customerId: ids.ida, actor: { type: "SYSTEM", name: "test" } });
    await runAutomation({ workspaceId: ws, runId: run.id });
    const [erased] = (await runsByCustomer(ws, admin, created.body.id)).values();
    expect(erased.status).toBe("succeeded");
    expect(erased.results[0].detail).toBe("skipped: no customer (an anonymous event, or erased)");

    // Re-imported with the same address: the erasure suppressed it.
    const again = await createCustomers(ws, [{ externalId: "ida-2", firstName: "Ida", email, consent: true }]);
    await sendBatch(ws, admin, signUps([again["ida-2"]]));
    await settleJobs(ws);
    const [later] = await db().automationRun.findMany({
      where: { workspaceId: ws, automationId: created.body.id, customerId: again["ida-2"] },
    });
    await runAutomation({ workspaceId: ws, runId: later.id });
    const [reimported] = (await runsByCustomer(ws, admin, created.body.id)).values();
    expect(reimported.results[0].detail).toBe("skipped: the address is suppressed after an erasure");
    expect(await db().outboxMessage.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("refuses a campaign that is not this workspace's, naming the field", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send email bad");
    const other = await workspaceWithAdmin("Send email other");
    const theirs = await welcomeCampaign(other.ws, other.admin);
    const ours = await welcomeCampaign(ws, admin);
    const guest = headersOf(await memberSession(ws, "GUEST"));
    const body = {
      name: "Bad",
      trigger: { eventType: "loggedIn", customers: "known" },
      actions: [
        { type: "sendEmail", campaignId: ours },
        { type: "sendEmail", campaignId: theirs },
        { type: "sendEmail", campaignId: "00000000-0000-7000-8000-000000000000" },
      ],
    };
    const bad = await call<{ errors: { path: string; message: string }[] }>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { path: "actions.1.campaignId", message: "No such campaign in this workspace" },
      { path: "actions.2.campaignId", message: "No such campaign in this workspace" },
    ]);
    const missing = await call<{ errors: { path: string }[] }>(api.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: { ...body, actions: [{ type: "sendEmail" }] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e) => e.path)).toContain("actions.0.campaignId");
    const forbidden = await call(api.createAutomationEndpoint, {
      ws,
      headers: guest,
      body: { ...body, actions: [{ type: "sendEmail", campaignId: ours }] },
    });
    expect(forbidden.status).toBe(403);
  });
});
