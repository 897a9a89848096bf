// Export and erasure through the real route handlers. The erasure test searches every text-like column
// of every table for the person's e-mail and name: nothing identifying may survive anywhere.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as consents from "@/lib/schemas/consents";
import {
  createCustomerEndpoint,
  getCustomerEndpoint,
  mergeCustomersEndpoint,
  unmergeCustomerEndpoint,
} from "@/lib/schemas/customers";
import { eraseCustomerEndpoint, exportCustomerEndpoint, type CustomerExport } from "@/lib/schemas/privacy";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { memberSession, writeKeyFor } from "@/test/auth-fixtures";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

interface Person {
  email: string;
  firstName: string;
  lastName: string;
  externalId: string;
  anonymousId: string;
}

function person(label: string): Person {
  const tag = randomUUID().replace(/-/g, "").slice(0, 12);
  return {
    email: `${label}-${tag}@example.com`,
    firstName: `Firstname${tag}`,
    lastName: `Lastname${tag}`,
    externalId: `EXT-${tag}`,
    anonymousId: `anon-${tag}`,
  };
}

async function create(w: Ws, p: Person, headers = w.admin, extra: Record<string, unknown> = {}): Promise<CustomerBody> {
  const body = {
    externalId: p.externalId,
    anonymousId: p.anonymousId,
    base: { firstName: p.firstName, lastName: p.lastName, contacts: { email: p.email } },
    ...extra,
  };
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws: w.ws, headers, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Events of the customer, plus one anonymous event of its anonymous id that arrived after it identified. */
async function addEvents(ws: string, customerId: string, p: Person, count: number) {
  const occurredAt = new Date("2026-01-01T00:00:00Z");
  await db().event.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId: ws,
      customerId,
      type: "formCompiled",
      occurredAt: new Date(occurredAt.getTime() + i * 1000),
      properties: { formName: "contact", data: { email: p.email, name: `${p.firstName} ${p.lastName}` } },
    })),
  });
  await db().event.create({
    data: {
      workspaceId: ws,
      anonymousId: p.anonymousId,
      type: "viewedPage",
      occurredAt,
      properties: { title: `Hello ${p.firstName}` },
    },
  });
}

async function merge(w: Ws, survivorId: string, absorbedId: string) {
  const res = await call(mergeCustomersEndpoint, {
    ws: w.ws,
    headers: w.admin,
    params: { ws: w.ws, id: survivorId },
    body: { customerIds: [absorbedId] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Every (table, column) of the public schema whose text form contains one of the needles (one scan per column). */
async function findEverywhere(...needles: string[]): Promise<string[]> {
  const columns = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`;
  const patterns = needles.map((needle) => `%${needle}%`);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE ANY($1::text[])`,
      patterns,
    );
    if (row.n > 0) hits.push(`${table}.${column} (${row.n})`);
  }
  return hits;
}

describe("GET …/customers/{id}/export", () => {
  it("contains every kind of data held about the person, streams many events, and is audited", async () => {
    const w = await workspaceWithAdmin("Privacy");
    const key = await writeKeyFor(w.ws);
    const p = person("export");
    const q = person("export-absorbed");
    const c = await create(w, p, headersOf(key), {
      tags: ["vip"],
      consents: { profiling: { online: { status: true } } },
    });
    const absorbed = await create(w, q);
    await merge(w, c.id, absorbed.id);
    await addEvents(w.ws, c.id, p, 2100);
    await call(consents.patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { softSpam: { email: { status: false } } },
    });

    const res = await call<CustomerExport>(exportCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: absorbed.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`customer-${c.id}.json`);
    const doc = res.body;
    expect(doc.customer).toMatchObject({
      id: c.id,
      externalId: p.externalId,
      tags: ["vip"],
      base: { contacts: { email: q.email } },
    });
    expect(doc.identities.map((i) => i.value)).toEqual(
      expect.arrayContaining([p.email, q.email, p.externalId, p.anonymousId, q.anonymousId]),
    );
    expect(doc.sources).toEqual([expect.objectContaining({ id: key.sourceId, name: "Test source" })]);
    expect(doc.events).toHaveLength(2101);
    expect(new Set(doc.events.map((e) => e.id)).size).toBe(2101);
    expect(doc.events.filter((e) => e.customerId === null).map((e) => e.anonymousId)).toEqual([p.anonymousId]);
    expect(doc.consents.state).toEqual({
      profiling: { online: { status: true } },
      softSpam: { email: { status: false } },
    });
    expect(doc.consents.history?.map((e) => e.key)).toEqual(["softSpam.email", "profiling.online"]);
    expect(doc.merges).toEqual([expect.objectContaining({ survivorId: c.id, absorbedId: absorbed.id })]);
    expect(doc.absorbedCustomers).toEqual([
      expect.objectContaining({
        id: absorbed.id,
        mergedIntoId: c.id,
        base: expect.objectContaining({ firstName: q.firstName }),
      }),
    ]);
    expect(doc.auditEntries?.map((a) => a.action)).toEqual(
      expect.arrayContaining(["customer.created", "customer.merged", "consent.changed"]),
    );
    expect(Date.parse(doc.exportedAt)).not.toBeNaN();

    const audit = await db().auditEntry.findMany({ where: { workspaceId: w.ws, action: "customer.exported" } });
    expect(audit.map((a) => a.targetId)).toEqual([c.id]);
    const guest = headersOf(await memberSession(w.ws, "GUEST"));
    expect(
      (await call(exportCustomerEndpoint, { ws: w.ws, headers: guest, params: { ws: w.ws, id: c.id } })).status,
    ).toBe(403);
  });
});

describe("DELETE …/customers/{id}", () => {
  it("erases everything identifying, everywhere, keeping only a pseudonymous erasure record", async () => {
    const w = await workspaceWithAdmin("Privacy");
    const key = await writeKeyFor(w.ws);
    const p = person("erase");
    const q = person("erase-absorbed");
    const r = person("keep");
    const c = await create(w, p, headersOf(key), {
      consents: { marketing: { automatic: { email: { status: true } } } },
    });
    // P was merged into R once and the merge undone: that Merge row's snapshot still holds P's profile.
    const other = await create(w, r);
    await merge(w, other.id, c.id);
    const undo = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: c.id } });
    expect(
      (
        await call(unmergeCustomerEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params: { ws: w.ws, id: other.id },
          body: { mergeId: undo.id },
        })
      ).status,
    ).toBe(200);
    // Q is merged into P: a MERGED profile that holds Q's data, erased with P.
    const absorbed = await create(w, q, w.admin, { consents: { profiling: { classic: { status: false } } } });
    await merge(w, c.id, absorbed.id);
    await addEvents(w.ws, c.id, p, 5);
    await call(consents.listConsentHistoryEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: c.id } });
    await call(exportCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: c.id } });
    expect(await findEverywhere(p.email)).not.toEqual([]);

    const user = headersOf(await memberSession(w.ws, "USER"));
    expect(
      (await call(eraseCustomerEndpoint, { ws: w.ws, headers: user, params: { ws: w.ws, id: c.id } })).status,
    ).toBe(403);
    const erased = await call(eraseCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: c.id } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(204);

    expect(
      await findEverywhere(
        ...[p, q].flatMap((who) => [who.email, who.firstName, who.lastName, who.externalId, who.anonymousId]),
      ),
    ).toEqual([]);
    for (const id of [c.id, absorbed.id]) {
      expect((await call(getCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id } })).status).toBe(
        404,
      );
      expect(
        (await call(consents.getCustomerConsentsEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id } }))
          .status,
      ).toBe(404);
      expect(
        (await call(exportCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id } })).status,
      ).toBe(404);
    }
    expect(
      (await call(eraseCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: c.id } })).status,
    ).toBe(404);

    const proof = await db().consentRecord.findMany({ where: { workspaceId: w.ws, kind: "ERASURE" } });
    expect(proof).toEqual([
      expect.objectContaining({ customerId: null, key: "*", actorType: "USER", previous: null, current: null }),
    ]);
    expect(proof[0].identitiesHash).toMatch(/^[0-9a-f]{64}(,[0-9a-f]{64})+$/);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { workspaceId: w.ws, action: "customer.erased" } });
    expect(audit).toMatchObject({
      targetType: "customer",
      targetId: c.id,
      details: { absorbedCustomers: 1, events: 6 },
    });
    // R, who only once shared a merge with P, is untouched.
    expect(
      (
        await call<CustomerBody>(getCustomerEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params: { ws: w.ws, id: other.id },
        })
      ).body.base,
    ).toMatchObject({ firstName: r.firstName });
    // Every text column of every table is scanned, and the suite's database can be large (the demo seed).
  }, 120_000);

  it("erases the survivor for a merged-away id (as GET and export resolve it); other workspaces get 404", async () => {
    const w = await workspaceWithAdmin("Privacy");
    const survivor = await create(w, person("survivor"));
    const absorbed = await create(w, person("absorbed"));
    const bystander = await create(w, person("bystander"));
    await merge(w, survivor.id, absorbed.id);
    const other = await workspaceWithAdmin("Privacy other");
    expect(
      (
        await call(eraseCustomerEndpoint, {
          ws: other.ws,
          headers: other.admin,
          params: { ws: other.ws, id: survivor.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(eraseCustomerEndpoint, { ws: w.ws, headers: other.admin, params: { ws: w.ws, id: survivor.id } }))
        .status,
    ).toBe(404);
    const erased = await call(eraseCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: absorbed.id },
    });
    expect(erased.status).toBe(204);
    for (const id of [survivor.id, absorbed.id])
      expect((await call(getCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id } })).status).toBe(
        404,
      );
    const kept = await call(getCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: bystander.id },
    });
    expect(kept.status).toBe(200);
  });

  it("adds the erasure salt to installation secrets stored before it existed, once, keeping the others", async () => {
    const before = await loadInstallationSecrets();
    await db().$executeRaw`UPDATE "InstallationSetting" SET value = value - 'erasureSalt' WHERE key = 'secrets.v1'`;
    const [a, b] = await Promise.all([loadInstallationSecrets(), loadInstallationSecrets()]);
    expect(a.erasureSalt).toMatch(/^[\w-]{43}$/);
    expect(b.erasureSalt).toBe(a.erasureSalt);
    expect({ ...a, erasureSalt: before.erasureSalt }).toEqual(before);
  });
});
