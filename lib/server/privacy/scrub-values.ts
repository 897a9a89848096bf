// Erasure removes the person's rows, but her values can also sit inside other rows: an audit entry of a
// CSV export keeps the search filter that named her e-mail, a saved view's filter names her last name.
// Those rows are not hers (they stay), so every string inside their JSON that contains one of her values
// (case-insensitively) is replaced by ERASED. A string that contains her value is replaced whole: "anna"
// inside "anna.rossi@example.com" must not leave the rest of the address behind.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";

export const ERASED = "[erased]";

/** Values shorter than this are not searched for: "A" or "12" would scrub half of the audit log. */
const MIN_LENGTH = 3;

export function usableNeedles(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const needle = value.trim().toLowerCase();
    if (needle.length >= MIN_LENGTH) out.add(needle);
  }
  return [...out];
}

/** The JSON value with every string containing a needle replaced; `changed` says whether anything was. */
export function scrubJson(value: unknown, needles: readonly string[]): { value: unknown; changed: boolean } {
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    return needles.some((needle) => lower.includes(needle))
      ? { value: ERASED, changed: true }
      : { value, changed: false };
  }
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const result = scrubJson(item, needles);
      changed ||= result.changed;
      return result.value;
    });
    return { value: items, changed };
  }
  if (typeof value === "object" && value !== null) {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const result = scrubJson(item, needles);
      changed ||= result.changed;
      return [key, result.value] as const;
    });
    return { value: Object.fromEntries(entries), changed };
  }
  return { value, changed: false };
}

const likePatterns = (needles: readonly string[]) => needles.map((needle) => `%${needle.replace(/[\\%_]/g, "\\$&")}%`);

/** Scrubs the workspace's audit details and saved view filters; returns how many rows changed. */
export async function scrubPersonValues(
  tx: Tx,
  workspaceId: string,
  needles: readonly string[],
): Promise<{ auditEntries: number; views: number }> {
  if (needles.length === 0) return { auditEntries: 0, views: 0 };
  const patterns = likePatterns(needles);
  // The database narrows the rows (a text scan of one workspace's JSON); the exact replacement is done here.
  const audits = await tx.$queryRaw<{ id: string; details: Prisma.JsonValue }[]>`
    SELECT id::text AS id, details FROM "AuditEntry"
     WHERE "workspaceId" = ${workspaceId}::uuid AND details::text ILIKE ANY(${patterns}::text[])`;
  let auditEntries = 0;
  for (const row of audits) {
    const result = scrubJson(row.details, needles);
    if (!result.changed) continue;
    await tx.auditEntry.update({ where: { id: row.id }, data: { details: result.value as Prisma.InputJsonValue } });
    auditEntries++;
  }
  const viewRows = await tx.$queryRaw<{ id: string; filter: Prisma.JsonValue; name: string }[]>`
    SELECT id::text AS id, filter, name FROM "View"
     WHERE "workspaceId" = ${workspaceId}::uuid
       AND (filter::text ILIKE ANY(${patterns}::text[]) OR name ILIKE ANY(${patterns}::text[]))`;
  let views = 0;
  for (const row of viewRows) {
    const filter = scrubJson(row.filter, needles);
    const name = scrubJson(row.name, needles);
    if (!filter.changed && !name.changed) continue;
    await tx.view.update({
      where: { workspaceId_id: { workspaceId, id: row.id } },
      data: { filter: filter.value as Prisma.InputJsonValue, name: name.value as string },
    });
    views++;
  }
  return { auditEntries, views };
}
