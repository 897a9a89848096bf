// The events of a batch in one INSERT. The rows travel as a single JSON parameter expanded by
// json_to_recordset: one document assembled from JSON made during validation is far cheaper in Node than
// escaping thousands of array elements, and PostgreSQL parses it once. Idempotency is the unique (workspaceId, messageId) index:
// ON CONFLICT DO NOTHING waits for a concurrent insert of the same messageId to commit or roll back,
// so repeats sent at the same time still store exactly one row.
import type { Tx } from "@/lib/server/db/client";

export interface EventRow {
  id: string;
  type: string;
  context: string;
  customerId: string | null;
  anonymousId: string | null;
  /** ISO 8601 in UTC. */
  occurredAt: string;
  sentAt: string | null;
  /** JSON text of the properties object. */
  propertiesJson: string;
  /** JSON text of the (enriched) contextInfo object. */
  contextInfoJson: string;
  sourceId: string | null;
  messageId: string | null;
}

export interface StoredEvent {
  id: string;
  customerId: string | null;
}

export interface InsertEventsResult {
  /** Ids of the rows this statement inserted. */
  inserted: Set<string>;
  /** messageId → the event already stored under it, for the rows skipped as duplicates. */
  existing: Map<string, StoredEvent>;
}

const byMessageId = (a: EventRow, b: EventRow) => (a.messageId === b.messageId ? 0 : a.messageId === null ? 1 : b.messageId === null ? -1 : a.messageId < b.messageId ? -1 : 1);

const jsonOrNull = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/** The rows as one JSON array, with the already serialised objects spliced in rather than serialised again. */
function rowsJson(rows: EventRow[]): string {
  const parts: string[] = [];
  for (const r of rows) {
    parts.push(
      `{"id":"${r.id}","type":${JSON.stringify(r.type)},"context":"${r.context}","customerId":${jsonOrNull(r.customerId)},` +
        `"anonymousId":${jsonOrNull(r.anonymousId)},"occurredAt":"${r.occurredAt}","sentAt":${jsonOrNull(r.sentAt)},` +
        `"properties":${r.propertiesJson},"contextInfo":${r.contextInfoJson},"sourceId":${jsonOrNull(r.sourceId)},"messageId":${jsonOrNull(r.messageId)}}`,
    );
  }
  return `[${parts.join(",")}]`;
}

/**
 * `rows` must not repeat a messageId (the caller keeps the first). They are inserted in messageId order:
 * two batches sharing messageIds then wait on them in the same order and cannot deadlock.
 */
export async function insertEvents(tx: Tx, workspaceId: string, receivedAt: string, rows: EventRow[]): Promise<InsertEventsResult> {
  if (rows.length === 0) return { inserted: new Set(), existing: new Map() };
  const sorted = [...rows].sort(byMessageId);
  // TIMESTAMP(3) columns hold UTC wall time: the ISO strings end in Z, which a timestamp without time zone ignores.
  // Only a count comes back: in the common case (no repeats) that settles every row without a thousand result rows.
  const [{ inserted: count }] = await tx.$queryRaw<{ inserted: number }[]>`
    WITH inserted AS (
      INSERT INTO "Event" ("workspaceId", id, type, context, "customerId", "anonymousId", "occurredAt", "receivedAt", "sentAt",
                           properties, "contextInfo", "sourceId", "messageId")
      SELECT ${workspaceId}::uuid, r.id, r.type, r.context::"EventContext", r."customerId", r."anonymousId", r."occurredAt",
             ${receivedAt}::timestamp(3), r."sentAt", r.properties, r."contextInfo", r."sourceId", r."messageId"
        FROM json_to_recordset(${rowsJson(sorted)}::json) AS r(
               id uuid, type text, context text, "customerId" uuid, "anonymousId" text, "occurredAt" timestamp(3),
               "sentAt" timestamp(3), properties jsonb, "contextInfo" jsonb, "sourceId" uuid, "messageId" text)
          ON CONFLICT ("workspaceId", "messageId") DO NOTHING
      RETURNING 1)
    SELECT count(*)::int AS inserted FROM inserted`;
  if (count === rows.length) return { inserted: new Set(rows.map((row) => row.id)), existing: new Map() };
  // Some were skipped: this statement sees this transaction's rows and every committed one, so each messageId
  // now names either the row inserted above (same id) or the event stored before it.
  const stored = await findByMessageIds(tx, workspaceId, sorted.flatMap((row) => (row.messageId === null ? [] : [row.messageId])));
  const inserted = new Set<string>();
  const existing = new Map<string, StoredEvent>();
  for (const row of rows) {
    const found = row.messageId === null ? undefined : stored.get(row.messageId);
    if (row.messageId === null || found?.id === row.id) inserted.add(row.id);
    else if (found) existing.set(row.messageId, found);
  }
  return { inserted, existing };
}

async function findByMessageIds(tx: Tx, workspaceId: string, messageIds: string[]): Promise<Map<string, StoredEvent>> {
  if (messageIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ messageId: string; id: string; customerId: string | null }[]>`
    SELECT "messageId", id::text AS id, "customerId"::text AS "customerId" FROM "Event"
     WHERE "workspaceId" = ${workspaceId}::uuid AND "messageId" = ANY(${messageIds}::text[])`;
  return new Map(rows.map((row) => [row.messageId, { id: row.id, customerId: row.customerId }]));
}
