// Integration-test data for the filter compiler: one workspace of named customers (some with bad
// data on purpose, written past the API's validation) and a few events. Tests compare customer names.
import { Prisma } from "@/lib/generated/prisma/client";
import { ZFilter } from "@/lib/schemas/filters";
import { db } from "@/lib/server/db/client";
import { createTestWorkspace } from "@/test/fixtures";
import { compileCustomerFilter } from "@/lib/server/query/compile-customer-filter";

const DAY = 86_400_000;

interface TestCustomer {
  externalId?: string;
  base?: Prisma.InputJsonObject;
  extended?: Prisma.InputJsonObject;
  tags?: string[];
  consents?: Prisma.InputJsonObject;
  createdAt?: Date;
  status?: "ACTIVE" | "MERGED";
}

const emailConsent = (leaf: Prisma.InputJsonObject) => ({ marketing: { automatic: { email: leaf } } });

const CUSTOMERS: Record<string, TestCustomer> = {
  anna: {
    externalId: "crm-1",
    base: {
      firstName: "Anna",
      lastName: "Rossi",
      gender: "female",
      dob: "1990-05-17",
      contacts: { email: "anna@example.com" },
      address: { city: "Milano", country: "IT", geo: { lat: 45.46, lon: 9.19 } },
      jobs: [{ companyName: "ACME" }],
    },
    extended: {
      points: 120,
      tier: "gold",
      vipSince: "2023-01-10",
      lastVisitAt: "2024-03-01T10:00:00+01:00",
      colours: ["red", "blue"],
      optedIn: true,
    },
    tags: ["vip", "newsletter"],
    consents: emailConsent({ status: true, limitation: false, objection: false }),
    createdAt: new Date("2020-06-01T00:00:00Z"),
  },
  bruno: {
    externalId: "crm-2",
    base: {
      firstName: "Bruno",
      gender: "male",
      dob: "1985-12-01",
      contacts: { email: "bruno@example.org" },
      address: { country: "IT" },
    },
    extended: { points: 40, tier: "silver", optedIn: false, colours: ["green"] },
    tags: ["newsletter"],
    consents: emailConsent({ status: false, limitation: false, objection: true }),
    createdAt: new Date("2021-06-01T00:00:00Z"),
  },
  chloe: {
    externalId: "shop-3",
    base: {
      firstName: "Chloé",
      dob: "2001-02-28",
      contacts: { email: "chloe@example.fr" },
      address: { country: "FR", geo: { lat: 48.85, lon: 2.35 } },
    },
    extended: { points: 300.5, lastVisitAt: "2024-03-01T08:30:00Z" },
    consents: { profiling: { online: { status: true } } },
    createdAt: new Date("2022-06-01T00:00:00Z"),
  },
  dan: {
    // Bad data: a dob that is no date, points stored as text, a geo latitude as a string.
    base: { firstName: "Dan", dob: "soon", address: { country: "US", geo: { lat: "45", lon: 0 } } },
    extended: { points: "many", vipSince: "2023-02-30", lastVisitAt: "2024-13-01T00:00:00Z" },
    tags: ["vip"],
    createdAt: new Date("2023-06-01T00:00:00Z"),
  },
  eve: { createdAt: new Date("2024-06-01T00:00:00Z") },
  fabio: {
    base: { firstName: "100%_real", lastName: "O'Brien", contacts: { email: "fabio_x@example.com" } },
    createdAt: new Date("2024-06-02T00:00:00Z"),
  },
  gina: {
    base: { firstName: "1000 real", contacts: { email: "gina.oax@example.com" } },
    createdAt: new Date("2024-06-03T00:00:00Z"),
  },
  kim: { externalId: "", base: { firstName: "", contacts: { email: null }, jobs: [] }, extended: { colours: [] } },
  leo: {
    base: { lastName: "Rossini", dob: "2000-02-29", jobs: [{ companyName: "Initech" }] },
    extended: { tier: "gold", profile: { size: "M" } },
  },
  max: {
    externalId: "shop-4",
    base: { lastName: "ROSSI" },
    tags: ["VIP"],
    consents: emailConsent({ status: true, limitation: true }),
  },
  // Excluded by the caller's scope (status), whatever the filter says.
  merged: { base: { firstName: "Anna" }, tags: ["vip"], status: "MERGED" },
};

export interface FilterTestWorkspace {
  workspaceId: string;
  ids: Record<string, string>;
  /**
   * Names of the ACTIVE customers of this workspace that match, sorted; optionally in another session time
   * zone (`timeZone`), or with bare dates read as days of another workspace zone (`workspaceTimeZone`).
   */
  match(filter: unknown, options?: { timeZone?: string; workspaceTimeZone?: string }): Promise<string[]>;
}

export async function createFilterTestWorkspace(): Promise<FilterTestWorkspace> {
  const workspace = await createTestWorkspace("Filters");
  const workspaceId = workspace.id;
  await db().extendedProperty.createMany({
    data: [
      { workspaceId, name: "points", type: "number" },
      { workspaceId, name: "tier", type: "enum", options: { values: ["gold", "silver"] } },
      { workspaceId, name: "vipSince", type: "date" },
      { workspaceId, name: "lastVisitAt", type: "datetime" },
      { workspaceId, name: "colours", type: "array", options: { items: "string" } },
      { workspaceId, name: "optedIn", type: "boolean" },
      { workspaceId, name: "profile", type: "object" },
      { workspaceId, name: "legacyCode", type: "string", enabled: false },
    ],
  });

  const ids: Record<string, string> = {};
  for (const [name, customer] of Object.entries(CUSTOMERS)) {
    const { base = {}, extended = {}, consents = {}, tags = [], ...rest } = customer;
    const row = await db().customer.create({ data: { workspaceId, base, extended, consents, tags, ...rest } });
    ids[name] = row.id;
  }

  const now = Date.now();
  const order = (customer: string, daysAgo: number, currency = "EUR") => ({
    workspaceId,
    customerId: ids[customer],
    type: "completedOrder",
    occurredAt: new Date(now - daysAgo * DAY),
    properties: { orderId: `${customer}-${daysAgo}`, amount: { total: 10, currency } },
  });
  await db().event.createMany({
    data: [
      order("anna", 1),
      order("anna", 10),
      order("anna", 60),
      order("bruno", 40),
      order("chloe", 2, "USD"),
      { workspaceId, customerId: ids.bruno, type: "viewedPage", occurredAt: new Date(now - 3_600_000) },
      // Not anyone's yet: must not count for any customer.
      { workspaceId, anonymousId: "anon-1", type: "completedOrder", occurredAt: new Date(now) },
    ],
  });

  // Another workspace's customers and events must never leak in.
  const other = await createTestWorkspace("Filters other");
  const stranger = await db().customer.create({
    data: { workspaceId: other.id, base: { firstName: "Anna" }, tags: ["vip"] },
  });
  await db().event.create({
    data: { workspaceId: other.id, customerId: stranger.id, type: "completedOrder", occurredAt: new Date(now) },
  });

  const extendedProperties = await db().extendedProperty.findMany({ where: { workspaceId } });
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));

  return {
    workspaceId,
    ids,
    async match(filter, options = {}) {
      const condition = compileCustomerFilter(ZFilter.parse(filter), {
        extendedProperties,
        timeZone: options.workspaceTimeZone,
      });
      const rows = await db().$transaction(async (tx) => {
        if (options.timeZone) await tx.$queryRaw`SELECT set_config('TimeZone', ${options.timeZone}, true)`;
        return tx.$queryRaw<{ id: string }[]>`
          SELECT c.id FROM "Customer" c
          WHERE c."workspaceId" = ${workspaceId}::uuid AND c."status" = 'ACTIVE' AND ${condition}`;
      });
      return rows.map((row) => names.get(row.id) ?? `unknown ${row.id}`).sort();
    },
  };
}
