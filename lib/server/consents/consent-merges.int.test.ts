// Consents across merge and unmerge: each leaf takes the most recent change by the registry, the
// survivor's history shows both registries, and unmerge gives each side back its own state and entries.
import { describe, expect, it } from "vitest";
import * as consents from "@/lib/schemas/consents";
import { createCustomerEndpoint, mergeCustomersEndpoint, unmergeCustomerEndpoint } from "@/lib/schemas/customers";
import { call, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
type Page = { data: consents.ConsentHistoryEntry[]; nextCursor: string | null };

const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}T12:00:00.000Z`;

async function create({ ws, admin }: Ws, externalId: string): Promise<CustomerBody> {
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body: { externalId } });
  expect(res.status).toBe(201);
  return res.body;
}

async function change(w: Ws, id: string, key: "email" | "sms", status: boolean, at: number) {
  const body = { marketing: { automatic: { [key]: { status } } }, _meta: { occurredAt: day(at) } };
  const res = await call(consents.patchCustomerConsentsEndpoint, {
    ws: w.ws,
    headers: w.admin,
    params: { ws: w.ws, id },
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const stateOf = async (w: Ws, id: string) =>
  (await call(consents.getCustomerConsentsEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id } })).body;
const historyOf = async (w: Ws, id: string) =>
  (
    await call<Page>(consents.listConsentHistoryEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id },
      query: "limit=200",
    })
  ).body.data.map((e) => e.id);

describe("consents across merges", () => {
  it("takes each leaf's most recent change, shows both registries on the survivor, and unmerge restores both sides", async () => {
    const w = await workspaceWithAdmin("Consent merges");
    const survivor = await create(w, "S");
    const absorbed = await create(w, "A");
    await change(w, survivor.id, "email", true, 10);
    await change(w, survivor.id, "sms", true, 1);
    // Edited last, so by updatedAt the absorbed profile is the newer one; the registry says otherwise for e-mail.
    await change(w, absorbed.id, "email", false, 5);
    await change(w, absorbed.id, "sms", false, 8);
    const before = {
      survivor: { state: await stateOf(w, survivor.id), history: await historyOf(w, survivor.id) },
      absorbed: { state: await stateOf(w, absorbed.id), history: await historyOf(w, absorbed.id) },
    };

    const merged = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor.id },
      body: { customerIds: [absorbed.id] },
    });
    expect(merged.status).toBe(200);
    expect(await stateOf(w, survivor.id)).toEqual({
      marketing: { automatic: { email: { status: true }, sms: { status: false } } },
    });
    // A merged-away id answers for its survivor.
    expect(await stateOf(w, absorbed.id)).toEqual(await stateOf(w, survivor.id));
    const mergedHistory = await historyOf(w, survivor.id);
    expect([...mergedHistory].sort()).toEqual([...before.survivor.history, ...before.absorbed.history].sort());
    expect(await historyOf(w, absorbed.id)).toEqual(mergedHistory);
    // Newest first across both registries, and the newest entry of each key is the current value.
    const entries = (
      await call<Page>(consents.listConsentHistoryEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: survivor.id },
      })
    ).body.data;
    expect(entries.map((e) => e.changedAt)).toEqual([day(10), day(8), day(5), day(1)]);

    const merge = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: absorbed.id } });
    const undone = await call(unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor.id },
      body: { mergeId: merge.id },
    });
    expect(undone.status).toBe(200);
    expect({ state: await stateOf(w, survivor.id), history: await historyOf(w, survivor.id) }).toEqual(before.survivor);
    expect({ state: await stateOf(w, absorbed.id), history: await historyOf(w, absorbed.id) }).toEqual(before.absorbed);
  });

  it("keeps a consent changed on the survivor after the merge when unmerging", async () => {
    const w = await workspaceWithAdmin("Consent merges");
    const survivor = await create(w, "S");
    const absorbed = await create(w, "A");
    await change(w, survivor.id, "email", false, 1);
    await change(w, absorbed.id, "email", true, 2);
    await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor.id },
      body: { customerIds: [absorbed.id] },
    });
    expect(await stateOf(w, survivor.id)).toEqual({ marketing: { automatic: { email: { status: true } } } });
    await change(w, survivor.id, "sms", true, 3);
    const merge = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: absorbed.id } });
    await call(unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor.id },
      body: { mergeId: merge.id },
    });
    expect(await stateOf(w, survivor.id)).toEqual({
      marketing: { automatic: { email: { status: false }, sms: { status: true } } },
    });
    expect(await stateOf(w, absorbed.id)).toEqual({ marketing: { automatic: { email: { status: true } } } });
    // The entry written after the merge stays with the survivor.
    expect(
      (await db().consentRecord.findMany({ where: { workspaceId: w.ws, customerId: survivor.id } }))
        .map((r) => r.key)
        .sort(),
    ).toEqual(["marketing.automatic.email", "marketing.automatic.sms"]);
  });
});
