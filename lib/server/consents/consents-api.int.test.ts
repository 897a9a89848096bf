// The consent registry through the real route handlers: one entry per changed leaf with the right actor,
// nothing for a no-op, the database refusing to rewrite history, and who may read it.
import { describe, expect, it } from "vitest";
import * as consents from "@/lib/schemas/consents";
import { createCustomerEndpoint, patchCustomerEndpoint, replaceCustomerEndpoint } from "@/lib/schemas/customers";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { deleteWorkspace } from "@/lib/server/workspaces/delete-workspace";
import { apiClientToken, memberSession, writeKeyFor } from "@/test/auth-fixtures";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
type Page = { data: consents.ConsentHistoryEntry[]; nextCursor: string | null };

async function create({ ws, admin }: Ws, body: unknown = {}): Promise<CustomerBody> {
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const records = (ws: string, customerId: string) =>
  db().consentRecord.findMany({
    where: { workspaceId: ws, customerId },
    orderBy: [{ changedAt: "asc" }, { key: "asc" }],
  });

const history = (w: Ws, id: string, query = "", headers = w.admin) =>
  call<Page>(consents.listConsentHistoryEndpoint, { ws: w.ws, headers, params: { ws: w.ws, id }, query });

describe("recording consent changes", () => {
  it("writes one entry per changed leaf, with the user as actor, and nothing for a no-op", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w);
    const params = { ws: w.ws, id: c.id };
    const body = {
      marketing: { automatic: { email: { status: true, limitation: false, objection: false } } },
      profiling: { online: { status: true } },
      _meta: { source: "Preference center", evidence: "Form #42", occurredAt: "2026-01-02T03:04:05.000Z" },
    };
    const res = await call(consents.patchCustomerConsentsEndpoint, { ws: w.ws, headers: w.admin, params, body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      marketing: { automatic: { email: { status: true, limitation: false, objection: false } } },
      profiling: { online: { status: true } },
    });
    const rows = await records(w.ws, c.id);
    expect(rows).toHaveLength(2);
    expect(
      rows.map((r) => [r.key, r.previous, r.current, r.actorType, r.source, r.evidence, r.changedAt.toISOString()]),
    ).toEqual([
      [
        "marketing.automatic.email",
        null,
        { status: true, limitation: false, objection: false },
        "USER",
        "Preference center",
        "Form #42",
        "2026-01-02T03:04:05.000Z",
      ],
      ["profiling.online", null, { status: true }, "USER", "Preference center", "Form #42", "2026-01-02T03:04:05.000Z"],
    ]);
    expect(rows[0].actorName).toBe("Test ADMIN");

    // The same values again, and a flag that already has that value: nothing to record.
    const again = await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { ...body, _meta: undefined, profiling: { online: { status: true } } },
    });
    expect(again.status).toBe(200);
    expect(await records(w.ws, c.id)).toHaveLength(2);

    // Partial leaf: flags not sent keep their value; previous is the whole leaf before.
    await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { marketing: { automatic: { email: { status: false } } } },
    });
    const last = (await records(w.ws, c.id)).at(-1);
    expect(last).toMatchObject({
      key: "marketing.automatic.email",
      previous: { status: true, limitation: false, objection: false },
      current: { status: false, limitation: false, objection: false },
    });
    expect(
      (await call(consents.getCustomerConsentsEndpoint, { ws: w.ws, headers: w.admin, params })).body,
    ).toMatchObject({
      marketing: { automatic: { email: { status: false } } },
    });
    const audit = await db().auditEntry.findMany({
      where: { workspaceId: w.ws, action: "consent.changed" },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(audit.map((a) => a.details)).toEqual([
      { keys: ["marketing.automatic.email", "profiling.online"] },
      { keys: ["marketing.automatic.email"] },
    ]);
  });

  it("sets a flag back to not set with null, recorded like any change", async () => {
    const w = await workspaceWithAdmin("Consents unset");
    const c = await create(w);
    const params = { ws: w.ws, id: c.id };
    const patch = (body: unknown) =>
      call(consents.patchCustomerConsentsEndpoint, { ws: w.ws, headers: w.admin, params, body });
    await patch({ marketing: { automatic: { email: { status: true, objection: false } } } });
    const res = await patch({
      marketing: { automatic: { email: { status: null } } },
      _meta: { evidence: "Asked by phone" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ marketing: { automatic: { email: { objection: false } } } });
    // The last flag unset removes the leaf: the key reads "not set" everywhere again.
    const cleared = await patch({ marketing: { automatic: { email: { objection: null } } } });
    expect(cleared.body).toEqual({});
    const rows = await records(w.ws, c.id);
    expect(rows.map((r) => [r.previous, r.current])).toEqual([
      [null, { status: true, objection: false }],
      [{ status: true, objection: false }, { objection: false }],
      [{ objection: false }, null],
    ]);
    expect(rows[1].evidence).toBe("Asked by phone");
  });

  it("refuses a back-dated change older than the key's latest entry (409), and one in the future (422)", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w, { consents: { softSpam: { email: { status: true } } } });
    const params = { ws: w.ws, id: c.id };
    const stale = await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { softSpam: { email: { status: false } }, _meta: { occurredAt: "2020-01-01T00:00:00Z" } },
    });
    expect(stale.status).toBe(409);
    const future = await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { softSpam: { email: { status: false } }, _meta: { occurredAt: "2099-01-01T00:00:00Z" } },
    });
    expect(future.status).toBe(422);
    expect(await records(w.ws, c.id)).toHaveLength(1);
  });

  it("records the API client and, through POST /customers with a write key, the source as actor", async () => {
    const w = await workspaceWithAdmin("Consents");
    const client = await apiClientToken(w.ws, "USER");
    const c = await create(w);
    const viaClient = await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: headersOf(client),
      params: { ws: w.ws, id: c.id },
      body: { softSpam: { email: { status: true }, papery: { status: false } } },
    });
    expect(viaClient.status).toBe(200);
    expect((await records(w.ws, c.id)).map((r) => [r.key, r.actorType, r.actorName])).toEqual([
      ["softSpam.email", "API_CLIENT", "Test client"],
      ["softSpam.papery", "API_CLIENT", "Test client"],
    ]);

    const key = await writeKeyFor(w.ws);
    const sent = await call<CustomerBody>(createCustomerEndpoint, {
      ws: w.ws,
      headers: headersOf(key),
      body: {
        externalId: "WK-1",
        consents: {
          marketing: { automatic: { sms: { status: true } } },
          disclaimer: { version: "2.1", date: "2026-01-01" },
        },
      },
    });
    expect(sent.status).toBe(201);
    const rows = await records(w.ws, sent.body.id);
    expect(rows.map((r) => [r.key, r.actorType, r.actorId, r.source])).toEqual([
      ["disclaimer", "SOURCE", key.sourceId, "POST /customers"],
      ["marketing.automatic.sms", "SOURCE", key.sourceId, "POST /customers"],
    ]);
    // Sending the same again (resolution updates the matched customer) records nothing.
    await call(createCustomerEndpoint, {
      ws: w.ws,
      headers: headersOf(key),
      body: { externalId: "WK-1", consents: { marketing: { automatic: { sms: { status: true } } } } },
    });
    expect(await records(w.ws, sent.body.id)).toHaveLength(2);
  });

  it("routes PATCH and PUT /customers through the registry (a removed leaf is recorded with current null)", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w, { consents: { profiling: { classic: { status: true } } } });
    const params = { ws: w.ws, id: c.id };
    await call(patchCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { consents: { profiling: { classic: { objection: true } } } },
    });
    await call(patchCustomerEndpoint, { ws: w.ws, headers: w.admin, params, body: { tags: ["x"] } });
    await call(replaceCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { consents: { profiling: { online: { status: false } } } },
    });
    const rows = await records(w.ws, c.id);
    expect(rows.map((r) => [r.key, r.previous, r.current, r.source])).toEqual([
      ["profiling.classic", null, { status: true }, "POST /customers"],
      ["profiling.classic", { status: true }, { status: true, objection: true }, "PATCH /customers/{id}"],
      ["profiling.classic", { status: true, objection: true }, null, "PUT /customers/{id}"],
      ["profiling.online", null, { status: false }, "PUT /customers/{id}"],
    ]);
  });
});

describe("the registry is append-only in the database", () => {
  it("refuses UPDATE and DELETE of a registry row, outside the maintenance reasons", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w, { consents: { profiling: { online: { status: true } } } });
    const [row] = await records(w.ws, c.id);
    await expect(
      db().$executeRawUnsafe(`UPDATE "ConsentRecord" SET evidence = 'forged' WHERE id = $1::uuid`, row.id),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "ConsentRecord" WHERE id = $1::uuid`, row.id)).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(
      db().consentRecord.update({
        where: { workspaceId_id: { workspaceId: w.ws, id: row.id } },
        data: { current: { status: false } },
      }),
    ).rejects.toThrow();
    // The server's role holds no UPDATE right, whatever setting it tries (registry-privileges.int.test.ts).
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL atrium.consent_registry_maintenance = 'merge'`);
        await tx.$executeRawUnsafe(`UPDATE "ConsentRecord" SET key = 'profiling.classic' WHERE id = $1::uuid`, row.id);
      }),
    ).rejects.toThrow(/permission denied|append-only/);
    expect(await records(w.ws, c.id)).toEqual([row]);
  });

  it("lets a workspace be deleted with its registry", async () => {
    const w = await workspaceWithAdmin("Consents");
    await create(w, { consents: { profiling: { online: { status: true } } } });
    await deleteWorkspace({ workspaceId: w.ws });
    expect(await db().consentRecord.count({ where: { workspaceId: w.ws } })).toBe(0);
  });
});

describe("GET …/consents/history", () => {
  it("is 403 for a Guest and a User without the permission, 200 for a User with it and for an Admin; every read is audited", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w, { consents: { profiling: { online: { status: true } } } });
    const guest = headersOf(await memberSession(w.ws, "GUEST"));
    const user = headersOf(await memberSession(w.ws, "USER"));
    const officer = await memberSession(w.ws, "USER", true);
    expect((await history(w, c.id, "", guest)).status).toBe(403);
    expect((await history(w, c.id, "", user)).status).toBe(403);
    const asOfficer = await history(w, c.id, "key=profiling", headersOf(officer));
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.data).toEqual([
      expect.objectContaining({
        key: "profiling.online",
        previous: null,
        current: { status: true },
        actor: expect.objectContaining({ type: "USER", name: "Test ADMIN" }),
      }),
    ]);
    expect((await history(w, c.id)).status).toBe(200);
    const reads = await db().auditEntry.findMany({
      where: { workspaceId: w.ws, action: "consent_history.read" },
      orderBy: { id: "asc" },
    });
    expect(reads.map((r) => [r.actorId, r.targetType, r.targetId])).toEqual([
      [officer.userId, "customer", c.id],
      [expect.any(String), "customer", c.id],
    ]);
    expect(reads[0].details).toMatchObject({ key: "profiling", entries: 1 });
  });

  it("filters by key (exact or prefix) and time, newest first, with cursor pagination", async () => {
    const w = await workspaceWithAdmin("Consents");
    const c = await create(w);
    const params = { ws: w.ws, id: c.id };
    const at = (day: number) => `2026-01-${String(day).padStart(2, "0")}T12:00:00.000Z`;
    const changes: [number, Record<string, unknown>][] = [
      [1, { marketing: { automatic: { email: { status: true } } } }],
      [2, { marketing: { automatic: { sms: { status: true } } } }],
      [3, { marketing: { traditional: { papery: { status: true } } } }],
      [4, { marketing: { automatic: { email: { status: false } } } }],
      [5, { profiling: { classic: { status: true } } }],
    ];
    for (const [day, body] of changes) {
      const res = await call(consents.patchCustomerConsentsEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params,
        body: { ...body, _meta: { occurredAt: at(day) } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const all = await history(w, c.id);
    expect(all.body.data.map((e) => e.changedAt)).toEqual([5, 4, 3, 2, 1].map(at));
    expect((await history(w, c.id, "key=marketing.automatic")).body.data.map((e) => e.key)).toEqual([
      "marketing.automatic.email",
      "marketing.automatic.sms",
      "marketing.automatic.email",
    ]);
    expect((await history(w, c.id, "key=marketing.automatic.email")).body.data).toHaveLength(2);
    expect((await history(w, c.id, `from=${at(2)}&to=${at(4)}`)).body.data.map((e) => e.changedAt)).toEqual([
      at(3),
      at(2),
    ]);
    const first = await history(w, c.id, "limit=2");
    const second = await history(w, c.id, `limit=2&cursor=${first.body.nextCursor}`);
    const third = await history(w, c.id, `limit=2&cursor=${second.body.nextCursor}`);
    expect([...first.body.data, ...second.body.data, ...third.body.data].map((e) => e.id)).toEqual(
      all.body.data.map((e) => e.id),
    );
    expect(third.body.nextCursor).toBeNull();
    expect((await history(w, c.id, "key=marketing.auto")).status).toBe(422);
    expect((await history(w, c.id, `from=${at(4)}&to=${at(2)}`)).status).toBe(422);
  });
});
