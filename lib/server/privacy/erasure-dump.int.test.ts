// The erasure promise, tested the way an auditor would: a person is built through every path that can
// store her data (a write key's customer and events, anonymous events of an id only seen beside her
// external id, an added identity, a merge into her, a merge of her undone, consents with evidence, a
// unique tag, a CSV export of a search that names her e-mail, a saved view filtering on her last name,
// an export), erased by a merged-away id, and then every live row of every table of the database is
// read as text and searched for each of her values. (pg_dump on this machine is older than the
// embedded server, so the dump is `SELECT t::text FROM "Table" t` over every table.)
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as consents from "@/lib/schemas/consents";
import * as customers from "@/lib/schemas/customers";
import { createEventEndpoint } from "@/lib/schemas/events";
import { eraseCustomerEndpoint, exportCustomerEndpoint, type CustomerExport } from "@/lib/schemas/privacy";
import { createViewEndpoint, getViewEndpoint } from "@/lib/schemas/views";
import { db } from "@/lib/server/db/client";
import { memberSession, writeKeyFor } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { callEndpoint } from "@/test/route-modules";

/** Every table of the public schema whose rows, as text, contain a needle: "Table (n)". */
async function dumpHits(needles: string[]): Promise<string[]> {
  const tables = await db().$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const patterns = needles.map((needle) => `%${needle}%`);
  const hits: string[] = [];
  for (const { name } of tables) {
    const [row] = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE ANY($1::text[])`,
      patterns,
    );
    if (row.n > 0) hits.push(`${name} (${row.n})`);
  }
  return hits;
}

function ok(res: { status: number; body: unknown }, status = 200) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
}

describe("erasure leaves nothing of the person in any live row", () => {
  it("after a person is built through every path and erased by a merged-away id", async () => {
    const w = await workspaceWithAdmin("Erasure dump");
    const key = headersOf(await writeKeyFor(w.ws));
    const t = randomUUID().replace(/-/g, "").slice(0, 10);
    const her = {
      email: `dump-${t}@example.com`,
      firstName: `Dumpfirst${t}`,
      lastName: `Dumplast${t}`,
      externalId: `DUMP-${t}`,
      anonymousId: `dump-anon-${t}`,
      sideAnonymousId: `dump-side-${t}`,
      tag: `dumptag${t}`,
      phone: `+39347${t.replace(/\D/g, "0").slice(0, 7).padEnd(7, "1")}`,
      street: `Via Dump ${t}`,
      evidence: `dump-evidence-${t}`,
      otherEmail: `dump-other-${t}@example.com`,
      otherFirst: `Dumpother${t}`,
    };
    // 1. A write key sends her profile.
    const created = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: {
        externalId: her.externalId,
        anonymousId: her.anonymousId,
        tags: [her.tag, "common"],
        base: {
          firstName: her.firstName,
          lastName: her.lastName,
          dob: "1985-03-04",
          contacts: { email: her.email },
          address: { street: her.street, city: "Milano", country: "IT" },
        },
        consents: { marketing: { automatic: { email: { status: true } } } },
      },
    });
    ok(created, 201);
    const p = created.body.id;
    // 2. An anonymous id seen only on an event that also names her external id, and anonymous events of it.
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: key,
        body: { type: "viewedPage", anonymousId: her.sideAnonymousId, properties: { title: `Hi ${her.firstName}` } },
      }),
      201,
    );
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: key,
        body: { type: "viewedPage", externalId: her.externalId, anonymousId: her.sideAnonymousId },
      }),
      201,
    );
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: key,
        body: { type: "viewedPage", anonymousId: her.sideAnonymousId },
      }),
      201,
    );
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: w.admin,
        body: { type: "formCompiled", customerId: p, properties: { formName: "contact", data: { email: her.email } } },
      }),
      201,
    );
    // 3. An identity added by hand.
    ok(
      await call(customers.addCustomerIdentityEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: p },
        body: { type: "phone", value: her.phone },
      }),
      201,
    );
    // 4. A second profile of hers merged into her (its values are overwritten: the snapshot keeps them).
    const second = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { base: { firstName: her.otherFirst, contacts: { email: her.otherEmail } } },
    });
    ok(second, 201);
    ok(
      await call(customers.mergeCustomersEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: p },
        body: { customerIds: [second.body.id] },
      }),
    );
    // 5. She was merged into someone else once, and the merge undone.
    const someone = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { base: { firstName: "Keeper", lastName: `Keeper${t}` }, tags: ["common"] },
    });
    ok(someone, 201);
    ok(
      await call(customers.mergeCustomersEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: someone.body.id },
        body: { customerIds: [p] },
      }),
    );
    const undo = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: p, undoneAt: null } });
    ok(
      await call(customers.unmergeCustomerEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: someone.body.id },
        body: { mergeId: undo.id },
      }),
    );
    // 6. A consent change with evidence.
    ok(
      await call(consents.patchCustomerConsentsEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: p },
        body: { softSpam: { email: { status: false } }, _meta: { evidence: her.evidence } },
      }),
    );
    // 7. A CSV export of a search naming her e-mail (its audit entry keeps the filter).
    const csv = await callEndpoint(customers.searchCustomersEndpoint, {
      ws: w.ws,
      headers: { ...w.admin, accept: "text/csv" },
      body: { filter: { field: "base.contacts.email", op: "eq", value: her.email } },
    });
    expect(csv.status).toBe(200);
    await csv.text();
    // 8. A saved view filtering on her last name, and one on a common tag that must survive unchanged.
    const view = await call<{ id: string }>(createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { name: "Her", filter: { field: "base.lastName", op: "eq", value: her.lastName } },
    });
    ok(view, 201);
    const common = await call<{ id: string }>(createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { name: "Common", filter: { field: "tags", op: "eq", value: "common" } },
    });
    ok(common, 201);
    // 9. An export of her data.
    ok(await call(exportCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: p } }));

    const values = Object.values(her);
    const before = await dumpHits(values);
    for (const table of [
      "Customer",
      "Identity",
      "Event",
      "Merge",
      "ConsentRecord",
      "AuditEntry",
      "View",
      "CustomerFacetStat",
    ])
      expect(before.join(), table).toContain(`${table} (`);

    // Erased by the id of the profile merged into her: it stands for her, as in GET and export.
    const erased = await call(eraseCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: second.body.id },
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(204);

    expect(await dumpHits(values)).toEqual([]);
    expect(await dumpHits([p, second.body.id].map((id) => `"${id}"`))).toEqual(
      // Only the audit log keeps her (pseudonymous) customer id as the target of its entries.
      expect.not.arrayContaining([expect.stringMatching(/^(Customer|Identity|Event|Merge|ViewMember) /)]),
    );
    // The other person and the common view are untouched; her view still exists, without her name.
    const keeper = await call<CustomerBody>(customers.getCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: someone.body.id },
    });
    ok(keeper);
    expect(keeper.body.base).toMatchObject({ lastName: `Keeper${t}` });
    const herView = await call<{ filter: unknown }>(getViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: view.body.id },
    });
    expect(herView.body.filter).toEqual({ field: "base.lastName", op: "eq", value: "[erased]" });
    const commonView = await call<{ filter: unknown }>(getViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: common.body.id },
    });
    expect(commonView.body.filter).toEqual({ field: "tags", op: "eq", value: "common" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { workspaceId: w.ws, action: "customer.erased" } });
    expect(audit).toMatchObject({ targetId: p, details: { requestedId: second.body.id, absorbedCustomers: 1 } });
    expect((audit.details as { scrubbedAuditEntries: number }).scrubbedAuditEntries).toBeGreaterThanOrEqual(1);
  }, 120_000);
});

describe("export holds everything, and follows the consent-history permission", () => {
  it("includes merge snapshots and side anonymous events; a User without the permission gets neither history nor audit", async () => {
    const w = await workspaceWithAdmin("Export complete");
    const key = headersOf(await writeKeyFor(w.ws));
    const t = randomUUID().slice(0, 8);
    const main = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: { externalId: `EXP-${t}`, base: { firstName: "Anna" } },
    });
    const other = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { base: { firstName: `Overwritten${t}` } },
    });
    ok(
      await call(customers.mergeCustomersEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: main.body.id },
        body: { customerIds: [other.body.id] },
      }),
    );
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: key,
        body: { type: "viewedPage", externalId: `EXP-${t}`, anonymousId: `side-${t}` },
      }),
      201,
    );
    ok(
      await call(createEventEndpoint, {
        ws: w.ws,
        headers: key,
        body: { type: "viewedPage", anonymousId: `side-${t}` },
      }),
      201,
    );

    const full = await call<CustomerExport>(exportCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: main.body.id },
    });
    ok(full);
    expect(JSON.stringify(full.body.merges.map((m) => m.snapshot))).toContain(`Overwritten${t}`);
    expect(full.body.events.filter((e) => e.customerId === null).map((e) => e.anonymousId)).toEqual([`side-${t}`]);
    expect(full.body.withheld).toEqual([]);
    expect(full.body.consents.history).toBeDefined();
    expect(full.body.auditEntries?.length).toBeGreaterThan(0);

    const user = headersOf(await memberSession(w.ws, "USER"));
    const limited = await call<CustomerExport>(exportCustomerEndpoint, {
      ws: w.ws,
      headers: user,
      params: { ws: w.ws, id: main.body.id },
    });
    ok(limited);
    expect(limited.body.withheld).toEqual(["consents.history", "auditEntries"]);
    expect(limited.body.consents.history).toBeUndefined();
    expect(limited.body.auditEntries).toBeUndefined();
    expect(limited.body.customer.id).toBe(main.body.id);

    const dpo = headersOf(await memberSession(w.ws, "USER", true));
    const officer = await call<CustomerExport>(exportCustomerEndpoint, {
      ws: w.ws,
      headers: dpo,
      params: { ws: w.ws, id: main.body.id },
    });
    expect(officer.body.withheld).toEqual([]);
  });
});
