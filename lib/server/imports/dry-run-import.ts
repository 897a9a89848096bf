// POST …/imports?dryRun=true: the first DRY_RUN_ROWS rows of the file, read and checked exactly as the
// import would, and whether each would create a customer, update one (an identity already owned) or be
// rejected. Nothing is stored; the rest of the upload is not read.
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import type { ImportDryRun, ImportMapping } from "@/lib/schemas/imports";
import { validationFailed } from "@/lib/server/core/errors";
import { loadResolutionContext } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { findIdentityOwners } from "@/lib/server/identity/find-identity-owners";
import { identityCandidates } from "@/lib/server/identity/identity-candidates";
import { IMPORT_MAX_BYTES } from "@/lib/schemas/imports";
import { chunksOf, headerOf } from "./import-file";
import { mappedColumns, resolveMapping, suggestMapping } from "./import-mapping";
import { prepareRow, type RowContext } from "./prepare-row";

export const DRY_RUN_ROWS = 100;

export async function dryRunImport({
  workspaceId,
  mapping,
  body,
}: {
  workspaceId: string;
  mapping?: ImportMapping;
  body: ReadableStream<Uint8Array> | null;
}): Promise<ImportDryRun> {
  if (!body) throw validationFailed([{ path: "file", message: "Send the CSV file as the request body" }], "No file");
  const chunks = chunksOf(body, IMPORT_MAX_BYTES);
  const first = await chunks.next();
  const firstChunk = first.done ? undefined : first.value;
  const header = headerOf(firstChunk);
  const resolved = resolveMapping(header, mapping);
  if (resolved.errors.length > 0) throw validationFailed(resolved.errors, "The mapping does not fit the file");

  const { rules, extendedProperties } = await loadResolutionContext(workspaceId);
  const context: RowContext = {
    header,
    columns: mappedColumns(header, resolved.mapping),
    rules,
    extended: extendedProperties.enabled,
    extendedTypes: new Map(extendedProperties.enabled.map((p) => [p.name, p.type])),
  };
  async function* file() {
    if (firstChunk) yield firstChunk;
    yield* chunks;
  }
  const parser = Readable.from(file()).pipe(
    parse({ bom: true, relax_column_count: true, info: true, skip_empty_lines: true, to: DRY_RUN_ROWS + 1 }),
  );
  const rows: ImportDryRun["rows"] = [];
  let isHeader = true;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      const prepared = prepareRow(record, context);
      if (!prepared.ok) {
        rows.push({ line: info.lines, status: "reject", reason: prepared.reason });
        continue;
      }
      const owners = await findIdentityOwners(db(), workspaceId, identityCandidates(prepared.write, rules));
      rows.push({
        line: info.lines,
        status: owners.size > 0 ? "update" : "create",
        customer: prepared.write as Record<string, unknown>,
      });
    }
  } catch (error) {
    const message = `The file is not valid CSV: ${(error as Error).message}`;
    throw validationFailed([{ path: "file", message }], message);
  } finally {
    await chunks.return(undefined);
  }
  const suggested = suggestMapping(resolved.unmapped);
  return { dryRun: true, header, mapping: resolved.mapping, unmapped: resolved.unmapped, suggestions: suggested, rows };
}
