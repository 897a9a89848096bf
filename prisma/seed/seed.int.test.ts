// The demo seed against a real database: plausible volumes, the invariants the product relies on
// (merged profiles own no identities, events inside the year, the consent registry ending at the
// current state, daily stats adding up) and determinism for a given reference date.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ZCustomerBase } from "@/lib/schemas/customer-base";
import { ZCustomerConsents } from "@/lib/schemas/customers";
import { normalizeEventProperties, ZContextInfo } from "@/lib/schemas/event-catalogue";
import { ZFilter } from "@/lib/schemas/filters";
import { ZIdentityRules } from "@/lib/schemas/identity-rules";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { ZMergeSnapshot } from "@/lib/server/customers/merge-snapshot";
import { db } from "@/lib/server/db/client";
import { DEFAULT_BLOCKED_VALUES } from "@/lib/server/identity/normalize";
import { generateDemoData, type DemoData } from "./dataset";
import { DEMO_PASSWORD } from "./plans";
import { writeDemoData } from "./write";

const REFERENCE_DATE = new Date("2026-06-15T00:00:00Z");
const YEAR_MS = 365 * 24 * 3600 * 1000;

function checksum(data: DemoData): string {
  const hash = createHash("sha256");
  for (const ws of data.workspaces) {
    hash.update(JSON.stringify(ws.workspace));
    for (const c of ws.customers)
      hash.update(
        JSON.stringify([c.id, c.externalId, c.createdAt, c.searchText, c.tags, c.base, c.consents, c.status]),
      );
    for (const i of ws.identities) hash.update(JSON.stringify([i.id, i.type, i.value, i.customerId]));
    for (const e of ws.events)
      hash.update(JSON.stringify([e.id, e.type, e.customerId, e.occurredAt, e.messageId, e.properties]));
    for (const r of ws.consentRecords) hash.update(JSON.stringify([r.id, r.customerId, r.key, r.current, r.changedAt]));
    for (const m of ws.merges) hash.update(JSON.stringify([m.survivorId, m.absorbedId, m.snapshot]));
  }
  return hash.digest("hex");
}

/** Keys of the leaves of a consent state ("marketing.automatic.email", "disclaimer"). */
function leafKeys(state: unknown, prefix = ""): string[] {
  if (typeof state !== "object" || state === null || Array.isArray(state)) return [];
  const entries = Object.entries(state);
  if (prefix !== "" && entries.some(([key]) => key === "status" || key === "version")) return [prefix];
  return entries.flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

const count = async (sql: TemplateStringsArray, ...values: unknown[]): Promise<number> => {
  const [row] = await db().$queryRaw<{ n: number }[]>(sql, ...values);
  return row.n;
};

describe("demo seed", () => {
  let data: DemoData;
  let northwind: string;
  let contoso: string;

  beforeAll(async () => {
    data = generateDemoData({ referenceDate: REFERENCE_DATE });
    await writeDemoData(db(), data);
    northwind = (await db().workspace.findUniqueOrThrow({ where: { slug: "northwind" } })).id;
    contoso = (await db().workspace.findUniqueOrThrow({ where: { slug: "contoso" } })).id;
  }, 300_000);

  it("is deterministic for a reference date", () => {
    const again = generateDemoData({ referenceDate: REFERENCE_DATE });
    expect(checksum(again)).toBe(checksum(data));
    const other = generateDemoData({ referenceDate: new Date("2026-06-16T00:00:00Z") });
    expect(checksum(other)).not.toBe(checksum(data));
  }, 120_000);

  it("fits the product's own schemas: profiles, consents, events, merges, rules, views", () => {
    const problems: string[] = [];
    const check = (what: string, result: { success: boolean }) => {
      if (!result.success && problems.length < 20) problems.push(what);
    };
    for (const ws of data.workspaces) {
      for (const customer of ws.customers) {
        check(`base of ${customer.id}`, ZCustomerBase.safeParse(customer.base));
        check(`consents of ${customer.id}`, ZCustomerConsents.safeParse(customer.consents));
      }
      for (const event of ws.events) {
        const properties = normalizeEventProperties(event.type, event.properties);
        // Standard types only, and nothing the catalogue does not know (it would be moved under `extra`).
        check(`properties of ${event.type} ${event.id}`, {
          success: properties.ok && !("extra" in properties.properties),
        });
        check(`contextInfo of ${event.type} ${event.id}`, ZContextInfo.safeParse(event.contextInfo));
      }
      for (const merge of ws.merges) check(`snapshot of merge ${merge.id}`, ZMergeSnapshot.safeParse(merge.snapshot));
      const { policy, match, blockedValues } = ws.identityRuleSet;
      check("identity rules", ZIdentityRules.safeParse({ policy, match, blockedValues }));
      for (const view of ws.views) check(`filter of view ${view.name}`, ZFilter.safeParse(view.filter));
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it("writes plausible volumes", async () => {
    const customers = await count`select count(*)::int n from "Customer" where "workspaceId" = ${northwind}::uuid`;
    expect(customers).toBeGreaterThanOrEqual(5000);
    expect(customers).toBeLessThan(5100);
    const events = await count`select count(*)::int n from "Event" where "workspaceId" = ${northwind}::uuid`;
    expect(events).toBeGreaterThanOrEqual(45_000);
    expect(events).toBeLessThan(60_000);
    const identities = await count`select count(*)::int n from "Identity" where "workspaceId" = ${northwind}::uuid`;
    expect(identities / customers).toBeGreaterThan(3);
    const anonymous =
      await count`select count(*)::int n from "Event" where "workspaceId" = ${northwind}::uuid and "customerId" is null and "anonymousId" is not null`;
    expect(anonymous).toBeGreaterThan(100);
    expect(anonymous).toBeLessThan(1000);
    expect(
      await count`select count(*)::int n from "Event" where "workspaceId" = ${northwind}::uuid and "customerId" is null and "anonymousId" is null`,
    ).toBe(0);
    expect(
      await count`select count(*)::int n from "Merge" where "workspaceId" = ${northwind}::uuid`,
    ).toBeGreaterThanOrEqual(15);
    expect(
      await count`select count(*)::int n from "ConsentRecord" where "workspaceId" = ${northwind}::uuid`,
    ).toBeGreaterThan(15_000);
    expect(await count`select count(*)::int n from "Source" where "workspaceId" = ${northwind}::uuid`).toBe(5);
    expect(
      await count`select count(*)::int n from "View" where "workspaceId" = ${northwind}::uuid and "maskPersonalData"`,
    ).toBeGreaterThanOrEqual(1);
    const contosoCustomers = await count`select count(*)::int n from "Customer" where "workspaceId" = ${contoso}::uuid`;
    expect(contosoCustomers).toBeGreaterThan(200);
    expect(contosoCustomers).toBeLessThan(1000);
    const withExternalId =
      await count`select count(*)::int n from "Customer" where "workspaceId" = ${northwind}::uuid and "externalId" is not null`;
    expect(withExternalId / customers).toBeGreaterThan(0.7);
  });

  it("leaves no identity on a merged customer, and every merged customer has its merge", async () => {
    expect(
      await count`
      select count(*)::int n from "Identity" i join "Customer" c on c."workspaceId" = i."workspaceId" and c.id = i."customerId"
      where c."workspaceId" in (${northwind}::uuid, ${contoso}::uuid) and c.status = 'MERGED'`,
    ).toBe(0);
    expect(
      await count`
      select count(*)::int n from "Customer" c where c."workspaceId" in (${northwind}::uuid, ${contoso}::uuid) and c.status = 'MERGED' and (c."mergedIntoId" is null or not exists (
        select 1 from "Merge" m where m."workspaceId" = c."workspaceId" and m."absorbedId" = c.id and m."survivorId" = c."mergedIntoId"))`,
    ).toBe(0);
    expect(
      await count`
      select count(*)::int n from "Event" e join "Customer" c on c."workspaceId" = e."workspaceId" and c.id = e."customerId"
      where c."workspaceId" in (${northwind}::uuid, ${contoso}::uuid) and c.status = 'MERGED'`,
    ).toBe(0);
  });

  it("keeps events inside the 12 months before the reference date, after their customer signed up", async () => {
    const from = new Date(REFERENCE_DATE.getTime() - YEAR_MS);
    expect(
      await count`
      select count(*)::int n from "Event" where "workspaceId" in (${northwind}::uuid, ${contoso}::uuid)
      and ("occurredAt" < ${from} or "occurredAt" >= ${REFERENCE_DATE})`,
    ).toBe(0);
    expect(
      await count`
      select count(*)::int n from "Event" e join "Customer" c on c."workspaceId" = e."workspaceId" and c.id = e."customerId"
      where e."workspaceId" in (${northwind}::uuid, ${contoso}::uuid) and e."occurredAt" < c."createdAt"`,
    ).toBe(0);
    expect(
      await count`
      select count(*)::int n from "Customer" where "workspaceId" in (${northwind}::uuid, ${contoso}::uuid)
      and ("createdAt" >= ${REFERENCE_DATE} or "updatedAt" < "createdAt")`,
    ).toBe(0);
  });

  it("ends each consent history at the customer's current state", async () => {
    const mismatches = await count`
      with last as (
        select distinct on ("customerId", key) "workspaceId", "customerId", key, current
        from "ConsentRecord" where "workspaceId" in (${northwind}::uuid, ${contoso}::uuid)
        order by "customerId", key, "changedAt" desc, id desc)
      select count(*)::int n from last l join "Customer" c on c."workspaceId" = l."workspaceId" and c.id = l."customerId"
      where l.current is distinct from c.consents #> string_to_array(l.key, '.')`;
    expect(mismatches).toBe(0);
    // Every leaf of the current state has a history (checked on the generated rows, which were written as they are).
    for (const ws of data.workspaces) {
      const recorded = new Set(ws.consentRecords.map((record) => `${record.customerId} ${record.key}`));
      for (const customer of ws.customers) {
        for (const key of leafKeys(customer.consents)) expect(recorded.has(`${customer.id} ${key}`)).toBe(true);
      }
    }
  });

  it("counts customers per day in the workspace time zone", async () => {
    const total =
      await count`select coalesce(sum(created), 0)::int n from "DailyCustomerStat" where "workspaceId" = ${northwind}::uuid`;
    expect(total).toBe(await count`select count(*)::int n from "Customer" where "workspaceId" = ${northwind}::uuid`);
    const removed =
      await count`select coalesce(sum(removed), 0)::int n from "DailyCustomerStat" where "workspaceId" = ${northwind}::uuid`;
    expect(removed).toBe(
      await count`select count(*)::int n from "Customer" where "workspaceId" = ${northwind}::uuid and status = 'MERGED'`,
    );
    expect(
      await count`
      select count(*)::int n from (
        select ("createdAt" at time zone 'UTC' at time zone 'Europe/Rome')::date d, count(*) c from "Customer"
        where "workspaceId" = ${northwind}::uuid group by 1) days
      left join "DailyCustomerStat" s on s."workspaceId" = ${northwind}::uuid and s.day = days.d
      where s.created is distinct from days.c`,
    ).toBe(0);
  });

  it("sets up people, rules and sign-in", async () => {
    const demo = await db().user.findUniqueOrThrow({
      where: { email: "demo@atrium.local" },
      include: { memberships: true },
    });
    expect(await verifyPassword(demo.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    expect(demo.memberships.map((m) => [m.workspaceId, m.role, m.consentHistory]).sort()).toEqual(
      [
        [northwind, "ADMIN", true],
        [contoso, "ADMIN", true],
      ].sort(),
    );
    const guest = await db().membership.findFirstOrThrow({
      where: { workspaceId: northwind, user: { email: "guest@atrium.local" } },
    });
    expect(guest.role).toBe("GUEST");
    const rules = await db().identityRuleSet.findUniqueOrThrow({ where: { workspaceId: northwind } });
    expect(rules.policy).toBe("MERGE");
    expect(rules.blockedValues).toEqual([...DEFAULT_BLOCKED_VALUES]);
  });

  it("does nothing when asked to seed only an empty installation", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "main.ts")],
      {
        env: { ...process.env, ATRIUM_SEED_IF_EMPTY: "1" },
      },
    );
    expect(stdout).toContain("demo data already present");
  }, 60_000);
});
