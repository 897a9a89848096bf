// CSV exports of customer lists: negotiation, permission, columns, masking, paging and the audit entry.
import { describe, expect, it } from "vitest";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import * as customers from "@/lib/schemas/customers";
import * as views from "@/lib/schemas/views";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { call, headersOf, workspaceWithAdmin, type Headers } from "@/test/kits/customer-kit";
import { memberSession } from "@/test/auth-fixtures";
import { handlerOf } from "@/test/route-modules";
import { exportCustomersCsv } from "./export-customers-csv";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

async function request(
  endpoint: EndpointContract,
  w: Ws,
  options: { headers?: Headers; id?: string; query?: string; body?: unknown } = {},
) {
  const params: Record<string, string> = { ws: w.ws, ...(options.id ? { id: options.id } : {}) };
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const req = new Request(`http://atrium.test${path}${options.query ? `?${options.query}` : ""}`, {
    method: endpoint.method,
    headers: {
      accept: "text/csv",
      ...(options.body ? { "content-type": "application/json" } : {}),
      ...(options.headers ?? w.admin),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
  return (await handlerOf(endpoint))(req, { params: Promise.resolve(params) });
}

/** RFC 4180, enough for these tests (csv-parse is not a dependency). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') cell += text[++i];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      endCell();
    } else if (char === "\n") {
      endCell();
      rows.push(row);
      row = [];
    } else if (char !== "\r") {
      cell += char;
    }
  }
  return rows;
}

const rowsOf = async (res: Response) => parseCsv(await res.text());

async function workspaceWithCustomers(count: number) {
  const w = await workspaceWithAdmin("CSV");
  const base = Date.parse("2024-01-01T00:00:00Z");
  // Written directly: a few thousand customers through the API would only slow the test down.
  await db().customer.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      workspaceId: w.ws,
      externalId: `X-${i}`,
      base: {
        firstName: `Name${i}`,
        lastName: "Rossi",
        contacts: { email: `p${i}@example.com` },
        address: { country: i % 2 ? "IT" : "FR" },
      },
      tags: i % 3 === 0 ? ["vip"] : [],
      createdAt: new Date(base + i * 1000),
    })),
  });
  return w;
}

describe("Accept: text/csv", () => {
  it("exports the customer list with a header row, every page, and an audit entry", async () => {
    const w = await workspaceWithCustomers(2_500);
    const res = await request(customers.listCustomersEndpoint, w, { query: "limit=10&tag=vip" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("x-export-truncated")).toBe("false");
    const rows = await rowsOf(res);
    expect(rows[0]).toEqual(["id", ...views.DEFAULT_VIEW_COLUMNS]);
    // limit and cursor page JSON only: the export holds all 834 VIPs, across the 1,000-row pages.
    expect(rows).toHaveLength(1 + 834);
    expect(rows[1].slice(1, 4)).toEqual(["X-2499", "Name2499", "Rossi"]);
    const audit = await db().auditEntry.findFirst({ where: { workspaceId: w.ws, action: "customers.exported_csv" } });
    expect(audit?.details).toMatchObject({ rows: 834, truncated: false, query: ["tag", "sort"] });
  });

  it("exports a search, and a view with its columns and masking", async () => {
    const w = await workspaceWithCustomers(30);
    const searched = await rowsOf(
      await request(customers.searchCustomersEndpoint, w, {
        body: { filter: { field: "base.address.country", op: "eq", value: "IT" }, limit: 5 },
      }),
    );
    expect(searched).toHaveLength(1 + 15);
    const view = await call<{ id: string }>(views.createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: {
        name: "VIPs, masked",
        filter: { tag: "vip" },
        columns: ["base.firstName", "base.contacts.email", "tags"],
        maskPersonalData: true,
      },
    });
    const res = await request(views.listViewCustomersEndpoint, w, { id: view.body.id });
    expect(res.headers.get("content-disposition")).toContain('filename="view-VIPs-masked-');
    const rows = await rowsOf(res);
    expect(rows[0]).toEqual(["id", "base.firstName", "base.contacts.email", "tags"]);
    expect(rows).toHaveLength(1 + 10);
    expect(rows[1].slice(1)).toEqual(["N***", "p***@e***.com", "vip"]);
    const audit = await db().auditEntry.findFirst({
      where: { workspaceId: w.ws, action: "customers.exported_csv", targetId: view.body.id },
    });
    expect(audit?.details).toMatchObject({ rows: 10, masked: true });
  });

  it("needs the write permission: a guest gets 403, and JSON stays open to guests", async () => {
    const w = await workspaceWithCustomers(3);
    const guest = headersOf(await memberSession(w.ws, "GUEST"));
    for (const [endpoint, body] of [
      [customers.listCustomersEndpoint, undefined],
      [customers.searchCustomersEndpoint, { filter: { and: [] } }],
    ] as const) {
      const res = await request(endpoint, w, { headers: guest, body });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const json = await call<{ data: unknown[] }>(customers.listCustomersEndpoint, {
      ws: w.ws,
      headers: guest,
      query: "limit=10",
    });
    expect(json.body.data).toHaveLength(3);
    const user = headersOf(await memberSession(w.ws, "USER"));
    expect((await request(customers.listCustomersEndpoint, w, { headers: user })).status).toBe(200);
    expect(await db().auditEntry.count({ where: { workspaceId: w.ws, action: "customers.exported_csv" } })).toBe(1);
  });

  it("stops at the row limit and says so", async () => {
    const w = await workspaceWithCustomers(25);
    const res = await exportCustomersCsv({
      workspaceId: w.ws,
      conditions: [],
      columns: ["externalId"],
      actor: SYSTEM_ACTOR,
      maxRows: 10,
      pageSize: 4,
    });
    expect(res.headers.get("x-export-truncated")).toBe("true");
    expect(res.headers.get("x-export-rows")).toBe("10");
    const rows = await rowsOf(res);
    expect(rows.slice(1).map((row) => row[1])).toEqual(Array.from({ length: 10 }, (_, i) => `X-${24 - i}`));
  });
});
