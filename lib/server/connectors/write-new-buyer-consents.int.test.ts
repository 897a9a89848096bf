// New buyers' consents written set-based (write-new-buyer-consents.ts) leave what writeShopConsents leaves
// through changeConsents for each: the state, the registry entries with the shop's evidence and time, one
// consent.changed audit entry per consent and its webhook event; anyone not plain is handed back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { shopWorkspace } from "@/test/kits/shop-kit";
import type { ShopConsent } from "./shop-records";
import { loadShopSourceIn, sourceActor } from "./shop-source";
import { writeNewBuyerConsents } from "./write-new-buyer-consents";
import { writeShopConsents } from "./write-shop-customer";

const CONSENTS: ShopConsent[] = [
  {
    key: "marketing.automatic.email",
    status: true,
    evidence: "Shopify email_marketing_consent: subscribed",
    occurredAt: "2026-11-20T10:00:00.000Z",
  },
  { key: "marketing.automatic.sms", status: false, evidence: "Shopify sms_marketing_consent: not_subscribed" },
];

async function effects(ws: string, customerId: string) {
  const customer = await db().customer.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId: ws, id: customerId } },
  });
  const records = await db().consentRecord.findMany({
    where: { workspaceId: ws, customerId },
    orderBy: { key: "asc" },
  });
  const audits = await db().auditEntry.findMany({
    where: { workspaceId: ws, targetId: customerId },
    orderBy: { id: "asc" },
  });
  const jobs = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM graphile_worker._private_jobs
     WHERE payload->>'targetId' = ${customerId} AND payload->>'type' = 'consent.changed'`;
  return {
    consents: customer.consents,
    records: records.map((r) => ({
      key: r.key,
      previous: r.previous,
      current: r.current,
      // The shop's time where it gave one; otherwise the moment of writing.
      dated: r.key === "marketing.automatic.email" ? r.changedAt.toISOString() : "now",
      actor: [r.actorType, r.actorId, r.actorName],
      source: r.source,
      evidence: r.evidence,
    })),
    // Entries written in one millisecond have no order between them.
    audits: audits.map((a) => JSON.stringify([a.action, a.actorType, a.targetType, a.details])).sort(),
    jobs: jobs[0].n,
  };
}

describe("writeNewBuyerConsents", () => {
  it("leaves what the per-buyer path leaves, and hands back a customer with registry history", async () => {
    const { ws, source: created } = await shopWorkspace();
    const source = (await loadShopSourceIn(ws, created.id))!;
    await db().webhookSubscription.create({
      data: { workspaceId: ws, url: "https://hooks.example/x", events: ["consent.changed"], secretCiphertext: "x" },
    });
    const make = (email: string) =>
      db()
        .customer.create({ data: { workspaceId: ws, base: { contacts: { email } } } })
        .then((c) => c.id);
    const [perRow, setBased, withHistory] = await Promise.all([
      make("a@x.example"),
      make("b@x.example"),
      make("c@x.example"),
    ]);
    await writeShopConsents(source, perRow, CONSENTS);
    await writeShopConsents(source, withHistory, CONSENTS.slice(0, 1));

    const back = await writeNewBuyerConsents(
      source,
      [
        { customerId: setBased, consents: CONSENTS },
        { customerId: withHistory, consents: CONSENTS },
      ],
      sourceActor(source),
    );
    expect(back).toEqual([1]);
    const expected = await effects(ws, perRow);
    expect(expected.records).toHaveLength(2);
    expect(expected.audits).toHaveLength(2);
    expect(expected.jobs).toBe(2);
    expect(await effects(ws, setBased)).toEqual(expected);
  });
});
