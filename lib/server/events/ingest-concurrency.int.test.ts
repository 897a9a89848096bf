// Ingestion under concurrency, and the all-or-nothing storage of a batch's good part.
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { workspaceWithAdmin } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { defaultIdentityRules } from "@/lib/server/identity/default-identity-rules";
import { messageId, sendBatch, sendEvent } from "@/test/kits/event-kit";
import { inIngestTransaction } from "./ingest-transaction";
import { prepareEvent, type PreparedEvent } from "./prepare-event";
import { storeEventBatch } from "./store-event-batch";
import { workspaceEventTypesOf } from "./workspace-event-types";

const page = (path: string) => ({ type: "viewedPage", properties: { url: `https://shop.example.com${path}` } });

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("concurrent ingestion", () => {
  it("stores one row for 20 identical POSTs sent at once: one 201 and 19 duplicates of it", async () => {
    const { ws, admin } = await workspaceWithAdmin("Concurrency");
    const body = { ...page("/"), externalId: "SAME-1", messageId: messageId() };
    const responses = await Promise.all(Array.from({ length: 20 }, () => sendEvent(ws, admin, body)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.body.duplicate)).toHaveLength(19);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(1);
  });

  it("creates exactly one customer per unknown externalId when concurrent batches name the same ones", async () => {
    const { ws, admin } = await workspaceWithAdmin("Concurrency");
    const externalIds = Array.from({ length: 150 }, (_, i) => `NEW-${i}`);
    const batches = Array.from({ length: 6 }, (_, b) =>
      shuffled(externalIds, b + 1).map((externalId) => ({ ...page(`/${b}`), externalId })),
    );
    const responses = await Promise.all(batches.map((events) => sendBatch(ws, admin, events)));
    for (const res of responses)
      expect(res.body, JSON.stringify(res.body).slice(0, 300)).toMatchObject({ accepted: 150, rejected: 0 });
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(150);
    expect(await db().identity.count({ where: { workspaceId: ws, type: "externalId" } })).toBe(150);
    const owners = await db().event.groupBy({ by: ["customerId"], where: { workspaceId: ws }, _count: true });
    expect(owners).toHaveLength(150);
    expect(owners.every((o) => o._count === 6)).toBe(true);
  });

  it("stores every event once when concurrent batches repeat each other's messageIds in other orders", async () => {
    const { ws, admin } = await workspaceWithAdmin("Concurrency");
    const events = Array.from({ length: 200 }, (_, i) => ({
      ...page(`/${i}`),
      anonymousId: `v-${i % 7}`,
      messageId: messageId("shared"),
    }));
    const responses = await Promise.all([1, 2, 3, 4].map((seed) => sendBatch(ws, admin, shuffled(events, seed))));
    const created = responses.flatMap((r) => r.body.results.filter((x) => x.status === "created"));
    expect(created).toHaveLength(200);
    expect(responses.every((r) => r.body.accepted === 200)).toBe(true);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(200);
  });
});

describe("atomic storage of a batch's good part", () => {
  it("stores nothing — events, new customers, identities — when one row fails inside the transaction", async () => {
    const { ws } = await workspaceWithAdmin("Atomicity");
    const env = {
      eventTypes: workspaceEventTypesOf(ws, []),
      rules: defaultIdentityRules(),
      writeKeySourceId: null,
      now: Date.now(),
      identityMemo: new Map(),
    };
    const events: PreparedEvent[] = ["A", "B", "C"].map((externalId, index) => {
      const outcome = prepareEvent({ ...page(`/${index}`), externalId, messageId: messageId() }, index, env);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return outcome.event;
    });
    // A source that does not exist: validation checks body sources before the transaction, so only the
    // foreign key can catch a source deleted in between — which is what this simulates, on the last row.
    events[2] = { ...events[2], sourceId: crypto.randomUUID() };
    await expect(
      inIngestTransaction((tx) =>
        storeEventBatch(tx, { workspaceId: ws, events, actor: SYSTEM_ACTOR, now: Date.now() }),
      ),
    ).rejects.toThrow();
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await db().identity.count({ where: { workspaceId: ws } })).toBe(0);
    expect(await db().auditEntry.count({ where: { workspaceId: ws } })).toBe(0);

    events[2] = { ...events[2], sourceId: null };
    const stored = await inIngestTransaction((tx) =>
      storeEventBatch(tx, { workspaceId: ws, events, actor: SYSTEM_ACTOR, now: Date.now() }),
    );
    expect(stored.map((r) => r.status)).toEqual(["created", "created", "created"]);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(3);
  });
});
