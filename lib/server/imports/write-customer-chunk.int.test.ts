// The set-based chunk path against the per-row path it stands in for: the same writes, one workspace each,
// must leave the same database (customers, identities, source links, consent registry, audit log, webhook
// jobs, report summaries, suppression counts) and give the same per-item results; a second run changes
// nothing; concurrent per-row writes of the same people never make twins.
import { describe, expect, it } from "vitest";
import type { CustomerWrite } from "@/lib/schemas/customers";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { loadResolutionContext, resolveCustomerWrite } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { suppressIdentities } from "@/lib/server/suppression/drop-suppressed";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import { createTestWorkspace } from "@/test/fixtures";
import { createCustomerBatch } from "./create-customer-batch";
import { mapLimited } from "./map-limited";
import { writeCustomerChunk } from "./write-customer-chunk";
import { writeCustomerItem, type ItemResult } from "./write-customer-item";

const actor = { ...SYSTEM_ACTOR, name: "chunk test" };
const consentSource = "CSV import";
const consentEvidence = "Imported from file mix.csv";

/** A workspace with what the writes refer to: an extended property, a source, existing customers, a suppression. */
async function prepareWorkspace(label: string) {
  const ws = (await createTestWorkspace(label)).id;
  await db().extendedProperty.create({ data: { workspaceId: ws, name: "points", type: "integer" } });
  const { hash, prefix } = generateWriteKey();
  const source = await db().source.create({
    data: { workspaceId: ws, name: "Shop", writeKeyHash: hash, writeKeyPrefix: prefix },
  });
  await db().webhookSubscription.create({
    data: {
      workspaceId: ws,
      url: "https://hooks.example/x",
      events: ["customer.created", "customer.updated"],
      secretCiphertext: "x",
    },
  });
  const existing: CustomerWrite[] = [
    { base: { contacts: { email: "old1@example.com" }, firstName: "Old" }, tags: ["kept"] },
    { base: { contacts: { email: "old2@example.com" } }, externalId: "CRM-2" },
    { base: { contacts: { email: "old3@example.com" } } },
    { externalId: "CRM-3" },
  ];
  for (const input of existing) await resolveCustomerWrite({ workspaceId: ws, input, actor });
  const { erasureSalt } = await loadInstallationSecrets();
  await db().$transaction((tx) =>
    suppressIdentities(tx, ws, erasureSalt, [{ type: "email", value: "erased@example.com" }]),
  );
  return { ws, sourceId: source.id };
}

function mixOfWrites(sourceId: string): CustomerWrite[] {
  const writes: CustomerWrite[] = [];
  for (let i = 0; i < 40; i++) {
    writes.push({
      base: {
        contacts: { email: `New${i}@Example.com`, ...(i % 5 === 0 && { phone: `+39 02 1234 ${1000 + i}` }) },
        firstName: `Nicolò ${i}`,
        lastName: "Müller",
        address: { country: ["IT", "FR", "DE"][i % 3] },
      },
      tags: i % 2 === 0 ? ["vip", "import", "vip"] : ["import"],
      ...(i % 4 !== 3 && { consents: { marketing: { automatic: { email: { status: i % 2 === 0 } } } } }),
      ...(i % 7 === 0 && { externalId: `EXT-${i}` }),
      ...(i % 6 === 0 && { extended: { points: i } }),
      ...(i % 9 === 0 && { sourceId }),
    });
  }
  writes.push(
    // Matching existing customers: updates (tags accumulate, consents recorded as a change).
    { base: { contacts: { email: "OLD1@example.com" }, lastName: "Updated" }, tags: ["new"] },
    {
      base: { contacts: { email: "old2@example.com" } },
      consents: { marketing: { automatic: { email: { status: true } } } },
    },
    // Two existing customers at once: a merge.
    { base: { contacts: { email: "old3@example.com" } }, externalId: "CRM-3" },
    // Twins inside the chunk: the first creates, the second updates it.
    { base: { contacts: { email: "twin@example.com" }, firstName: "First" }, tags: ["a"] },
    { base: { contacts: { email: "Twin@example.com" }, lastName: "Second" }, tags: ["b"] },
    // A chain of twins through different identities.
    { base: { contacts: { email: "chain@example.com" } }, externalId: "CHAIN-1" },
    { externalId: "CHAIN-1", base: { firstName: "Chained" } },
    // Suppressed: dropped and counted, twice.
    { base: { contacts: { email: "erased@example.com" } } },
    { base: { contacts: { email: "ERASED@example.com" }, firstName: "Again" } },
    // Bad extended value and an unknown source: the per-row path's own refusals.
    { base: { contacts: { email: "bad-extended@example.com" } }, extended: { points: "many" } },
    { base: { contacts: { email: "bad-source@example.com" } }, sourceId: "0190b6b2-0000-7000-8000-000000000000" },
    // An anonymous id: its earlier events become the customer's.
    { base: { contacts: { email: "anon@example.com" } }, anonymousId: "anon-1" },
  );
  return writes;
}

/** The workspace's state, without ids and timestamps; customers named by their sorted identities. */
async function snapshot({ ws, sourceId }: { ws: string; sourceId: string }) {
  const customers = await db().customer.findMany({
    where: { workspaceId: ws },
    include: { identities: true, sources: true },
  });
  const nameOf = new Map(
    customers.map((c) => [
      c.id,
      c.identities
        .map((i) => `${i.type}:${i.value}`)
        .sort()
        .join("|") || `no-identity:${c.status}:${JSON.stringify(c.base)}`,
    ]),
  );
  const name = (id: string | null) => (id ? (nameOf.get(id) ?? `gone:${id}`) : null);
  // Ids inside audit details (a merge names the absorbed customers) are replaced by the customers' names.
  const named = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) =>
        JSON.stringify(nameOf.get(id) ?? "another row").slice(1, -1),
      ),
    );
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  const consentRecords = await db().consentRecord.findMany({ where: { workspaceId: ws } });
  const audit = await db().auditEntry.findMany({ where: { workspaceId: ws, targetType: "customer" } });
  const jobs = await db().$queryRaw<
    { type: string; target: string; payload: Record<string, unknown>; max_attempts: number }[]
  >`
    SELECT payload->>'type' AS type, payload->>'targetId' AS target, payload, max_attempts
      FROM graphile_worker._private_jobs
     WHERE payload->>'workspaceId' = ${ws} AND task_id = (SELECT id FROM graphile_worker._private_tasks
                                                          WHERE identifier = 'webhooks.domain-event')`;
  const facets = await db().$queryRaw<{ facet: string; value: string; customers: number }[]>`
    SELECT facet, value, sum(customers)::int AS customers FROM "CustomerFacetStat"
     WHERE "workspaceId" = ${ws}::uuid GROUP BY facet, value HAVING sum(customers) <> 0`;
  const daily = await db().$queryRaw<{ created: number; removed: number }[]>`
    SELECT coalesce(sum(created), 0)::int AS created, coalesce(sum(removed), 0)::int AS removed
      FROM "DailyCustomerStat" WHERE "workspaceId" = ${ws}::uuid`;
  const merges = await db().merge.count({ where: { workspaceId: ws } });
  const suppressions = await db().suppression.findMany({ where: { workspaceId: ws }, select: { droppedCount: true } });
  return {
    customers: sorted(
      customers.map((c) => ({
        name: name(c.id),
        status: c.status,
        mergedInto: name(c.mergedIntoId),
        externalId: c.externalId,
        base: c.base,
        extended: c.extended,
        tags: c.tags,
        consents: c.consents,
        searchText: c.searchText,
        identities: sorted(
          c.identities.map((i) => ({
            type: i.type,
            value: i.value,
            source: i.sourceId !== null,
            derivedFrom: i.derivedFrom,
          })),
        ),
        sources: c.sources.length,
      })),
    ),
    consentRecords: sorted(
      consentRecords.map((r) => ({
        customer: name(r.customerId),
        kind: r.kind,
        key: r.key,
        previous: r.previous,
        current: r.current,
        actor: [r.actorType, r.actorId, r.actorName],
        source: r.source,
        evidence: r.evidence,
      })),
    ),
    audit: sorted(
      audit.map((a) => ({ action: a.action, target: name(a.targetId), details: named(a.details), actor: a.actorName })),
    ),
    jobs: sorted(
      jobs.map((j) => ({
        type: j.type,
        target: name(j.target),
        // The payload's shape as queueDomainEvent writes it; its key is a fresh UUID, its time an ISO string.
        members: Object.keys(j.payload),
        details: j.payload.details,
        key: /^[0-9a-f-]{36}$/.test(String(j.payload.key)),
        at: !Number.isNaN(Date.parse(String(j.payload.at))),
        attempts: j.max_attempts,
      })),
    ),
    facets: sorted(facets.map((f) => ({ ...f, value: f.value === sourceId ? "the source" : f.value }))),
    daily,
    merges,
    suppressions: suppressions.map((s) => s.droppedCount),
  };
}

/** Results without the customers' ids (which differ between the workspaces). */
const comparable = (results: ItemResult[]) => results.map(({ id: _id, ...rest }) => rest);

async function perRow(ws: string, writes: CustomerWrite[]): Promise<ItemResult[]> {
  const results: ItemResult[] = [];
  for (const write of writes) {
    const copy = structuredClone(write);
    results.push(await writeCustomerItem({ workspaceId: ws, write: copy, actor, consentSource, consentEvidence }));
  }
  return results;
}

async function chunked(ws: string, writes: CustomerWrite[]): Promise<ItemResult[]> {
  const preloaded = await loadResolutionContext(ws);
  return writeCustomerChunk({
    workspaceId: ws,
    writes: structuredClone(writes),
    actor,
    consentSource,
    consentEvidence,
    preloaded,
  });
}

describe("writeCustomerChunk", () => {
  it("leaves exactly the database the per-row path leaves, and a second run changes nothing", async () => {
    const fast = await prepareWorkspace("Chunk fast");
    const slow = await prepareWorkspace("Chunk per row");
    // The same writes; only the source id differs (each workspace has its own source).
    const fastResults = await chunked(fast.ws, mixOfWrites(fast.sourceId));
    const slowResults = await perRow(slow.ws, mixOfWrites(slow.sourceId));
    expect(comparable(fastResults)).toEqual(comparable(slowResults));
    expect(fastResults.filter((r) => r.status === "created").length).toBe(43);
    expect(fastResults.filter((r) => r.status === "updated").length).toBe(5);
    expect(fastResults.filter((r) => r.status === "rejected").map((r) => r.code)).toEqual([
      "conflict",
      "conflict",
      "validation_failed",
      "validation_failed",
    ]);
    for (const r of fastResults) if (r.status !== "rejected") expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    // The 40 new people went the set-based way: one statement, one createdAt (the per-row path's differ).
    const stamps = await db().customer.findMany({
      where: { workspaceId: fast.ws, tags: { has: "import" } },
      select: { createdAt: true },
    });
    expect(stamps).toHaveLength(40);
    expect(new Set(stamps.map((c) => c.createdAt.getTime())).size).toBe(1);
    const state = await snapshot(fast);
    expect(state).toEqual(await snapshot(slow));
    expect(state.suppressions).toEqual([2]);
    expect(state.consentRecords.filter((r) => r.includes(consentEvidence)).length).toBe(31);

    // The same writes again: nothing is created, nothing new is recorded in the consent registry.
    const again = await chunked(fast.ws, mixOfWrites(fast.sourceId));
    const againSlow = await perRow(slow.ws, mixOfWrites(slow.sourceId));
    expect(comparable(again)).toEqual(comparable(againSlow));
    expect(again.filter((r) => r.status === "created")).toEqual([]);
    const after = await snapshot(fast);
    expect(after).toEqual(await snapshot(slow));
    expect(after.customers).toEqual(state.customers);
    expect(after.consentRecords).toEqual(state.consentRecords);

    // A write without any identity cannot be matched: the per-row path creates it, in both.
    const nobody: CustomerWrite[] = [{ base: { firstName: "Nobody" } }];
    expect(comparable(await chunked(fast.ws, nobody))).toEqual(comparable(await perRow(slow.ws, nobody)));
    expect(await snapshot(fast)).toEqual(await snapshot(slow));

    // Matches again, some changing something: a new tag, a consent withdrawn, a new phone, a customer named
    // by two writes (by e-mail and by external id, in file order), one naming a source. Unchanged ones and
    // the new tag and consent are written set-based; the new phone (a new identity), the customer named
    // twice and the source go per row: the same state and results as the per-row path's.
    const changed = (id: string): CustomerWrite[] => [
      ...mixOfWrites(id).slice(0, 40),
      { base: { contacts: { email: "new1@example.com" } }, tags: ["returning"] },
      {
        base: { contacts: { email: "new2@example.com" } },
        consents: { marketing: { automatic: { email: { status: false } } } },
      },
      { base: { contacts: { email: "new3@example.com", phone: "+39 02 5555 0003" } } },
      { base: { contacts: { email: "new7@example.com" }, firstName: "Seven" } },
      { externalId: "EXT-7", base: { lastName: "Sette" } },
      { base: { contacts: { email: "new4@example.com" } }, sourceId: id },
    ];
    const third = await chunked(fast.ws, changed(fast.sourceId));
    expect(comparable(third)).toEqual(comparable(await perRow(slow.ws, changed(slow.sourceId))));
    expect(third.every((r) => r.status === "updated")).toBe(true);
    expect(await snapshot(fast)).toEqual(await snapshot(slow));
  }, 120_000);

  it("makes one customer per person when per-row writes of the same people run at the same time", async () => {
    const ws = (await createTestWorkspace("Chunk concurrency")).id;
    const writes: CustomerWrite[] = Array.from({ length: 300 }, (_, i) => ({
      base: { contacts: { email: `race${i}@example.com` } },
      tags: ["chunk"],
    }));
    const preloaded = await loadResolutionContext(ws);
    const rivals = writes
      .filter((_, i) => i % 3 === 0)
      .reverse()
      .map((w) => ({ ...w, tags: ["rival"] }));
    const [chunkResults, rivalResults] = await Promise.all([
      writeCustomerChunk({ workspaceId: ws, writes, actor, preloaded }),
      mapLimited(rivals, 6, (write) => writeCustomerItem({ workspaceId: ws, write, actor, preloaded })),
    ]);
    const created = [...chunkResults, ...rivalResults].filter((r) => r.status === "created").length;
    expect(created).toBe(300);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(300);
    expect(await db().identity.count({ where: { workspaceId: ws } })).toBe(300);
    const both = await db().customer.count({ where: { workspaceId: ws, tags: { hasEvery: ["chunk", "rival"] } } });
    expect(both).toBe(rivals.length);
  }, 120_000);

  it("answers POST …/customers/batch per item, in order, and writes a write key's items as its source", async () => {
    const { ws, sourceId } = await prepareWorkspace("Chunk batch");
    const items: unknown[] = [
      { base: { contacts: { email: "one@example.com" } }, tags: ["batch"] },
      { nope: true },
      { base: { contacts: { email: "two@example.com" } }, sourceId: "0190b6b2-0000-7000-8000-000000000000" },
      { base: { contacts: { email: "ONE@example.com" }, firstName: "One" } },
      { base: { contacts: { email: "old1@example.com" } } },
      { base: { contacts: { email: "three@example.com" } } },
    ];
    const result = await createCustomerBatch({ workspaceId: ws, items, actor, writeKeySourceId: sourceId });
    expect(result).toMatchObject({ accepted: 4, rejected: 2 });
    expect(result.results.map((r) => [r.index, r.status, r.code])).toEqual([
      [0, "created", undefined],
      [1, "rejected", "validation_failed"],
      [2, "rejected", "validation_failed"],
      [3, "updated", undefined],
      [4, "updated", undefined],
      [5, "created", undefined],
    ]);
    expect(result.results[3].id).toBe(result.results[0].id);
    const one = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: result.results[0].id! } },
      include: { identities: true, sources: true },
    });
    expect(one.base).toMatchObject({ firstName: "One" });
    expect(one.identities.map((i) => i.sourceId)).toEqual([sourceId]);
    expect(one.sources.map((s) => s.sourceId)).toEqual([sourceId]);
    // The one the set-based path created carries the source the same way.
    const three = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: result.results[5].id! } },
      include: { identities: true, sources: true },
    });
    expect(three.identities.map((i) => [i.value, i.sourceId])).toEqual([["three@example.com", sourceId]]);
    expect(three.sources.map((s) => s.sourceId)).toEqual([sourceId]);
  }, 60_000);
});
