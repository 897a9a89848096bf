// The events of a batch in one INSERT. Scalar columns travel as one array parameter each, zipped by
// unnest; the two JSON objects of every row (serialised once, during validation) travel as two JSON arrays
// spliced together from those texts, which PostgreSQL parses once each into jsonb. (One JSON document of row
// objects, read with json_to_recordset, made PostgreSQL parse every object twice: as json, then as jsonb.)
// Idempotency is the unique (workspaceId, messageId) index: ON CONFLICT DO NOTHING waits for a concurrent
// insert of the same messageId to commit or roll back, so repeats sent at the same time still store exactly one row.
import type { SqlTx } from "./ingest-transaction";

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

const byMessageId = (a: EventRow, b: EventRow) =>
  a.messageId === b.messageId
    ? 0
    : a.messageId === null
      ? 1
      : b.messageId === null
        ? -1
        : a.messageId < b.messageId
          ? -1
          : 1;

/** A JSON array whose elements are the given JSON texts, as they are. */
const jsonArrayOf = (texts: string[]) => `[${texts.join(",")}]`;

/**
 * `rows` must not repeat a messageId (the caller keeps the first). They are inserted in messageId order:
 * two batches sharing messageIds then wait on them in the same order and cannot deadlock.
 */
export async function insertEvents(
  tx: SqlTx,
  workspaceId: string,
  receivedAt: string,
  rows: EventRow[],
): Promise<InsertEventsResult> {
  if (rows.length === 0) return { inserted: new Set(), existing: new Map() };
  const sorted = [...rows].sort(byMessageId);
  const column = <K extends keyof EventRow>(key: K) => sorted.map((row) => row[key]);
  // TIMESTAMP(3) columns hold UTC wall time: the ISO strings end in Z, which a timestamp without time zone ignores.
  // ROWS FROM steps through all its functions together, in array order: row i takes element i of each.
  // Only a count comes back: in the common case (no repeats) that settles every row without a thousand result rows.
  const [{ inserted: count }] = await tx.query<{ inserted: number }>(
    `WITH inserted AS (
       INSERT INTO "Event" ("workspaceId", id, type, context, "customerId", "anonymousId", "occurredAt", "receivedAt", "sentAt",
                            properties, "contextInfo", "sourceId", "messageId")
       SELECT $1::uuid, r.id, r.type, r.context, r."customerId", r."anonymousId", r."occurredAt", $2::timestamp(3), r."sentAt",
              r.properties, r."contextInfo", r."sourceId", r."messageId"
         FROM ROWS FROM (unnest($3::uuid[]), unnest($4::text[]), unnest($5::"EventContext"[]), unnest($6::uuid[]), unnest($7::text[]),
                         unnest($8::timestamp(3)[]), unnest($9::timestamp(3)[]), jsonb_array_elements($10::jsonb),
                         jsonb_array_elements($11::jsonb), unnest($12::uuid[]), unnest($13::text[]))
              AS r(id, type, context, "customerId", "anonymousId", "occurredAt", "sentAt", properties, "contextInfo", "sourceId", "messageId")
           ON CONFLICT ("workspaceId", "messageId") DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS inserted FROM inserted`,
    [
      workspaceId,
      receivedAt,
      column("id"),
      column("type"),
      column("context"),
      column("customerId"),
      column("anonymousId"),
      column("occurredAt"),
      column("sentAt"),
      jsonArrayOf(column("propertiesJson")),
      jsonArrayOf(column("contextInfoJson")),
      column("sourceId"),
      column("messageId"),
    ],
  );
  if (count === rows.length) return { inserted: new Set(rows.map((row) => row.id)), existing: new Map() };
  // Some were skipped: this statement sees this transaction's rows and every committed one, so each messageId
  // now names either the row inserted above (same id) or the event stored before it.
  const stored = await findByMessageIds(
    tx,
    workspaceId,
    sorted.flatMap((row) => (row.messageId === null ? [] : [row.messageId])),
  );
  const inserted = new Set<string>();
  const existing = new Map<string, StoredEvent>();
  for (const row of rows) {
    const found = row.messageId === null ? undefined : stored.get(row.messageId);
    if (row.messageId === null || found?.id === row.id) inserted.add(row.id);
    else if (found) existing.set(row.messageId, found);
  }
  return { inserted, existing };
}

async function findByMessageIds(
  tx: SqlTx,
  workspaceId: string,
  messageIds: string[],
): Promise<Map<string, StoredEvent>> {
  if (messageIds.length === 0) return new Map();
  const rows = await tx.query<{ messageId: string; id: string; customerId: string | null }>(
    `SELECT "messageId", id::text AS id, "customerId"::text AS "customerId" FROM "Event"
      WHERE "workspaceId" = $1::uuid AND "messageId" = ANY($2::text[])`,
    [workspaceId, messageIds],
  );
  return new Map(rows.map((row) => [row.messageId, { id: row.id, customerId: row.customerId }]));
}
