// CSV import end to end through the real routes and job: 10,000 rows with some bad ones, progress from a
// checkpoint, the error file, a second run that changes nothing, a changed file, the dry run, cancel, and tenancy.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import {
  cancelImportEndpoint,
  createImportEndpoint,
  getImportEndpoint,
  listImportErrorsEndpoint,
  listImportsEndpoint,
} from "@/lib/schemas/imports";
import { db } from "@/lib/server/db/client";
import { createTestWorkspace } from "@/test/fixtures";
import { memberSession } from "@/test/auth-fixtures";
import { settleJobs } from "@/test/kits/job-kit";
import { handlerOf } from "@/test/route-modules";
import { IMPORT_BATCH_ROWS, runImport } from "./run-import";

// The issue's bar is 10,000 rows; IMPORT_TEST_ROWS runs fewer on a machine too loaded to write them in time.
const ROWS = Number(process.env.IMPORT_TEST_ROWS ?? 10_000);
const HEADER = "E-mail,base.firstName,base.lastName,base.address.country,tags,consents.marketing.automatic.email";
const KINDS = ["e-mail", "consent", "identity", "fields"] as const;
type BadKind = (typeof KINDS)[number];

/** The file, and the lines (1 = header) that must be rejected, with why. */
function customersCsv({ changed = false } = {}): { csv: string; bad: Map<number, BadKind> } {
  const bad = new Map<number, BadKind>();
  const step = Math.floor(ROWS / 12);
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const kind = i % step === 0 ? KINDS[(i / step) % KINDS.length] : null;
    const email = kind === "e-mail" ? `not-an-email-${i}` : kind === "identity" ? "" : `person${i}@example.com`;
    // The changed file withdraws what the first gave and gives what it withheld, and adds a tag.
    const consent = kind === "consent" ? "maybe" : (i % 2 === 0) !== changed ? "yes" : "no";
    const extra = kind === "fields" ? ",surplus" : "";
    if (kind) bad.set(i + 1, kind);
    const tags = changed ? "vip,import,returning" : "vip,import";
    lines.push(`${email},Name${i},"Surname, ${i}",IT,"${tags}",${consent}${extra}`);
  }
  return { csv: lines.join("\r\n") + "\r\n", bad };
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
}

async function call(
  endpoint: EndpointContract,
  ws: string,
  headers: Record<string, string>,
  options: { id?: string; query?: Record<string, string>; csv?: string } = {},
) {
  const path = endpoint.path.replace("{ws}", ws).replace("{id}", options.id ?? "");
  const url = `http://atrium.test${path}${options.query ? `?${new URLSearchParams(options.query)}` : ""}`;
  const init: RequestInit & { duplex?: string } = { method: endpoint.method, headers: { ...headers } };
  if (options.csv !== undefined) {
    init.body = streamOf(options.csv);
    init.duplex = "half";
    (init.headers as Record<string, string>)["content-type"] = "text/csv";
  }
  const res = await (
    await handlerOf(endpoint)
  )(new Request(url, init), {
    params: Promise.resolve({ ws, ...(options.id && { id: options.id }) }),
  });
  const type = res.headers.get("content-type") ?? "";
  const body = type.includes("json") ? ((await res.json()) as Record<string, unknown>) : await res.text();
  return { status: res.status, body, headers: res.headers };
}

async function customerCount(ws: string) {
  return db().customer.count({ where: { workspaceId: ws, status: "ACTIVE" } });
}

describe("CSV import", () => {
  it("imports 10,000 rows with progress and an error file; a second run changes nothing, a changed file updates", async () => {
    const ws = (await createTestWorkspace("Import")).id;
    const admin = await memberSession(ws, "ADMIN");
    const { csv, bad } = customersCsv();
    const good = ROWS - bad.size;
    const query = { filename: "customers.csv", mapping: JSON.stringify({ "E-mail": "base.contacts.email" }) };

    const created = await call(createImportEndpoint, ws, admin, { csv, query });
    expect(created.status).toBe(202);
    const first = created.body as Record<string, unknown>;
    expect(first).toMatchObject({ status: "queued", filename: "customers.csv", processed: 0 });
    expect(first.mapping).toMatchObject({ "E-mail": "base.contacts.email", tags: "tags" });
    expect(created.headers.get("location")).toBe(`/api/v1/workspaces/${ws}/imports/${first.id}`);

    // One slice of one batch: the import is running, part of the way, from a checkpoint the next slice reads on from.
    await runImport({ workspaceId: ws, importId: String(first.id) }, { sliceMs: 0 });
    const partial = (await call(getImportEndpoint, ws, admin, { id: String(first.id) })).body as Record<string, number>;
    expect(partial).toMatchObject({ status: "running", processed: IMPORT_BATCH_ROWS });
    expect(partial.progress).toBeGreaterThan(0);
    expect(partial.progress).toBeLessThan(1);

    await settleJobs(ws, 240_000);
    const done = (await call(getImportEndpoint, ws, admin, { id: String(first.id) })).body;
    expect(done).toMatchObject({
      status: "completed",
      progress: 1,
      processed: ROWS,
      totalRows: ROWS,
      created: good,
      updated: 0,
      rejected: bad.size,
    });
    expect(await customerCount(ws)).toBe(good);
    expect(await db().importChunk.count({ where: { workspaceId: ws } })).toBe(0);

    const errors = await call(listImportErrorsEndpoint, ws, admin, { id: String(first.id) });
    expect(errors.status).toBe(200);
    expect(errors.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parse(errors.body as string, { columns: true }) as { line: string; reason: string }[];
    expect(rows.map((r) => Number(r.line))).toEqual([...bad.keys()].sort((a, b) => a - b));
    const reasonOf = (kind: BadKind) => {
      const line = [...bad].find(([, k]) => k === kind)![0];
      return rows.find((r) => Number(r.line) === line)!.reason;
    };
    expect(reasonOf("e-mail")).toMatch(/base\.contacts\.email: Must be a valid e-mail/);
    expect(reasonOf("consent")).toMatch(/consents\.marketing\.automatic\.email: expected yes\/no/);
    expect(reasonOf("identity")).toMatch(/No identity/);
    expect(reasonOf("fields")).toMatch(/7 fields, the header has 6/);

    const person = await db().customer.findFirstOrThrow({
      where: { workspaceId: ws, identities: { some: { type: "email", value: "person2@example.com" } } },
    });
    expect(person.base).toMatchObject({ firstName: "Name2", lastName: "Surname, 2", address: { country: "IT" } });
    expect(person.tags).toEqual(["vip", "import"]);
    const consent = await db().consentRecord.findFirstOrThrow({ where: { workspaceId: ws, customerId: person.id } });
    expect(consent).toMatchObject({
      key: "marketing.automatic.email",
      source: "CSV import",
      evidence: "Imported from file customers.csv",
    });
    const consentsBefore = await db().consentRecord.count({ where: { workspaceId: ws } });
    expect(consentsBefore).toBe(good);

    // The same file again: every good row finds its customer, nothing new is created or recorded.
    const again = await call(createImportEndpoint, ws, admin, { csv, query });
    expect(again.status).toBe(202);
    await settleJobs(ws, 240_000);
    const second = (await call(getImportEndpoint, ws, admin, { id: String((again.body as { id: string }).id) })).body;
    expect(second).toMatchObject({ status: "completed", created: 0, updated: good, rejected: bad.size });
    expect(await customerCount(ws)).toBe(good);
    expect(await db().consentRecord.count({ where: { workspaceId: ws } })).toBe(consentsBefore);

    const list = (await call(listImportsEndpoint, ws, admin)).body as { data: { id: string }[] };
    expect(list.data.map((i) => i.id)).toEqual([(again.body as { id: string }).id, first.id]);

    // A changed file: every good row updates its customer (a new tag, the consent turned around), with one
    // registry entry each naming the new file; still nobody new.
    const changedQuery = { ...query, filename: "customers-v2.csv" };
    const third = await call(createImportEndpoint, ws, admin, {
      csv: customersCsv({ changed: true }).csv,
      query: changedQuery,
    });
    expect(third.status).toBe(202);
    await settleJobs(ws, 240_000);
    const thirdDone = (await call(getImportEndpoint, ws, admin, { id: String((third.body as { id: string }).id) }))
      .body;
    expect(thirdDone).toMatchObject({ status: "completed", created: 0, updated: good, rejected: bad.size });
    expect(await customerCount(ws)).toBe(good);
    const changedPerson = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: person.id } },
    });
    expect(changedPerson.tags).toEqual(["vip", "import", "returning"]);
    expect(changedPerson.consents).toMatchObject({ marketing: { automatic: { email: { status: false } } } });
    expect(await db().consentRecord.count({ where: { workspaceId: ws } })).toBe(2 * consentsBefore);
    const latest = await db().consentRecord.findFirstOrThrow({
      where: { workspaceId: ws, customerId: person.id },
      orderBy: { changedAt: "desc" },
    });
    expect(latest).toMatchObject({ source: "CSV import", evidence: "Imported from file customers-v2.csv" });
    expect(latest.previous).toMatchObject({ status: true });
    expect(latest.current).toMatchObject({ status: false });
  }, 600_000);

  it("dry-runs the first rows without storing anything", async () => {
    const ws = (await createTestWorkspace("Import dry run")).id;
    const admin = await memberSession(ws, "ADMIN");
    const csv = "email,Name,Mood\nana@example.com,Ana,happy\nnope,Bob,sad\n";
    const res = await call(createImportEndpoint, ws, admin, {
      csv,
      query: { dryRun: "true", mapping: JSON.stringify({ email: "base.contacts.email", Name: "base.firstName" }) },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      header: ["email", "Name", "Mood"],
      unmapped: ["Mood"],
      suggestions: {},
      rows: [
        { line: 2, status: "create", customer: { base: { contacts: { email: "ana@example.com" }, firstName: "Ana" } } },
        { line: 3, status: "reject" },
      ],
    });
    expect(await db().import.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("refuses a mapping that does not fit the file, a body that is not CSV, and other workspaces", async () => {
    const ws = (await createTestWorkspace("Import refusals")).id;
    const admin = await memberSession(ws, "ADMIN");
    const bad = await call(createImportEndpoint, ws, admin, {
      csv: "email\na@example.com\n",
      query: { mapping: JSON.stringify({ Mail: "base.contacts.email" }) },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("query.mapping.Mail");
    const wrongPath = await call(createImportEndpoint, ws, admin, {
      csv: "email\na@example.com\n",
      query: { mapping: JSON.stringify({ email: "base.nope" }) },
    });
    expect(wrongPath.status).toBe(422);
    const empty = await call(createImportEndpoint, ws, admin, { csv: "" });
    expect(empty.status).toBe(422);

    const ok = await call(createImportEndpoint, ws, admin, { csv: "base.contacts.email\na@example.com\n" });
    const id = String((ok.body as { id: string }).id);
    const other = (await createTestWorkspace("Import other")).id;
    const stranger = await memberSession(other, "ADMIN");
    expect((await call(getImportEndpoint, ws, stranger, { id })).status).toBe(404);
    expect((await call(getImportEndpoint, other, stranger, { id })).status).toBe(404);
    const guest = await memberSession(ws, "GUEST");
    expect((await call(listImportErrorsEndpoint, ws, guest, { id })).status).toBe(403);

    // Cancelled before it ran: the job finds it cancelled and writes nothing.
    const cancelled = await call(cancelImportEndpoint, ws, admin, { id });
    expect(cancelled.body).toMatchObject({ status: "cancelled" });
    expect((await call(cancelImportEndpoint, ws, admin, { id })).status).toBe(409);
    await settleJobs(ws);
    expect(await customerCount(ws)).toBe(0);
  });
});
