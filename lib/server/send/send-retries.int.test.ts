// SMTP answers on send, against a real SMTP server: a temporary refusal (4xx) is retried with backoff
// and the recipient is FAILED after MAX_ATTEMPTS; a permanent one (5xx) is a hard bounce (campaignBounced,
// suppressed); the send job sleeps until the next retry instead of spinning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sendEndpoints from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/kits/smtp-kit";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, nextRunAt, processCampaign } from "./process-campaign";
import { signingKey } from "./signing";
import { emailHash } from "./suppression";
import { closeSmtpPools } from "./transport";

let smtp: SmtpReceiver;

beforeAll(async () => {
  // grey@: busy twice, then accepted. busy@: always busy. gone@: no such user.
  smtp = await startSmtpReceiver((address, attempt) => {
    if (address.startsWith("grey@")) return attempt <= 2 ? 451 : null;
    if (address.startsWith("busy@")) return 452;
    if (address.startsWith("gone@")) return 550;
    return null;
  });
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "news@shop.test";
});

afterAll(async () => {
  closeSmtpPools();
  delete process.env.SMTP_URL;
  await smtp.close();
});

async function rows(ws: string, campaignId: string) {
  const list = await db().campaignRecipient.findMany({ where: { workspaceId: ws, campaignId } });
  return new Map(list.map((r) => [r.email.split("@")[0], r]));
}

/** Makes the waiting retries due, as if their time had come. */
async function fastForward(ws: string, campaignId: string) {
  await db().campaignRecipient.updateMany({
    where: { workspaceId: ws, campaignId, status: "PENDING", retryAt: { not: null } },
    data: { retryAt: new Date(Date.now() - 1000) },
  });
}

describe("SMTP refusals on send", () => {
  it("retries 4xx with backoff until delivered or FAILED after the last attempt; 5xx bounces at once", async () => {
    const { ws, admin } = await workspaceWithAdmin("Send retries");
    const domain = `x${ws.slice(0, 8)}.test`;
    const customers = ["ok", "grey", "busy", "gone"].map((local) => ({
      workspaceId: ws,
      externalId: local,
      base: { firstName: local, contacts: { email: `${local}@${domain}` } },
      consents: { marketing: { automatic: { email: { status: true } } } },
    }));
    await db().customer.createMany({ data: customers });
    const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: { name: "Retries", subject: "Hi {{ customer.base.firstName }}", html: "<p>Hi</p>" },
    });
    const campaignId = created.body.id;
    expect(
      (await call(sendEndpoints.sendCampaignEndpoint, { ws, headers: admin, params: { id: campaignId } })).status,
    ).toBe(202);
    const before = Date.now();
    // The job sends what it can, then queues itself for when the first retry is due: not before.
    await settleJobs(ws);
    let state = await rows(ws, campaignId);
    expect(state.get("ok")).toMatchObject({ status: "SENT", attempts: 1 });
    expect(state.get("gone")).toMatchObject({ status: "BOUNCED", attempts: 1 });
    expect(state.get("grey")).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(state.get("busy")?.error).toMatch(/^Attempt 1 of 6: 452 /);
    const retryAt = state.get("grey")!.retryAt!.getTime();
    expect(retryAt).toBeGreaterThanOrEqual(before + RETRY_DELAYS_MS[0] - 1000);
    expect((await nextRunAt(ws, campaignId))?.getTime()).toBeGreaterThanOrEqual(retryAt - 1000);
    const [job] = await db().$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE key = ${`send:${campaignId}`}`;
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // The hard bounce: on the timeline and suppressed.
    const gone = state.get("gone")!;
    expect(
      await db().event.count({ where: { workspaceId: ws, customerId: gone.customerId, type: "campaignBounced" } }),
    ).toBe(1);
    const suppression = await db().sendSuppression.findUnique({
      where: { workspaceId_emailHash: { workspaceId: ws, emailHash: emailHash(await signingKey(), gone.email) } },
    });
    expect(suppression?.reason).toBe("HARD_BOUNCE");

    // Each retry as its time comes; the backoff grows.
    for (let round = 2; round <= MAX_ATTEMPTS; round++) {
      expect(await processCampaign(ws, campaignId)).toBe(false);
      await fastForward(ws, campaignId);
      const done = await processCampaign(ws, campaignId);
      state = await rows(ws, campaignId);
      expect(state.get("busy")?.attempts).toBe(round);
      if (round < MAX_ATTEMPTS) {
        expect(done).toBe(false);
        const waited = state.get("busy")!.retryAt!.getTime() - Date.now();
        expect(waited).toBeGreaterThan(RETRY_DELAYS_MS[round - 1] - 5000);
      } else expect(done).toBe(true);
    }
    expect(state.get("grey")).toMatchObject({ status: "SENT", attempts: 3 });
    expect(state.get("busy")).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, retryAt: null });
    expect(state.get("busy")?.error).toMatch(/^Gave up after 6 attempts: 452 /);
    expect(smtp.attempts.get(`busy@${domain}`)).toBe(MAX_ATTEMPTS);

    const delivered = smtp.received.filter((r) => r.to.endsWith(`@${domain}`)).map((r) => r.to);
    expect(delivered.sort()).toEqual([`grey@${domain}`, `ok@${domain}`]);
    const campaign = await call<{ status: string; progress: Record<string, number> }>(
      sendEndpoints.getCampaignEndpoint,
      {
        ws,
        headers: admin,
        params: { id: campaignId },
      },
    );
    expect(campaign.body.status).toBe("SENT");
    expect(campaign.body.progress).toMatchObject({ total: 4, sent: 2, bounced: 1, failed: 1, pending: 0 });
  });
});
