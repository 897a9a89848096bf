// Step two of ingestion, inside one transaction (inIngestTransaction): resolve every event's customer with a few set-based
// queries, create the customers unknown externalIds stand for, and insert the events in one statement.
// Everything here commits together or not at all.
import type { Actor } from "@/lib/server/audit/record-audit";
import type { FieldError } from "@/lib/server/core/errors";
import { createExternalIdCustomers, type NewExternalId } from "./create-external-id-customers";
import { uuidV7 } from "./event-ids";
import { findEventIdentityOwners, ownerKey } from "./find-event-identity-owners";
import type { SqlTx } from "./ingest-transaction";
import { insertEvents, type EventRow } from "./insert-events";
import { lockActiveCustomers } from "./lock-active-customers";
import { queueBatchFanOut } from "./queue-batch-fan-out";
import { CONSENT_EVENT_TYPES, queueConsentEffects } from "./queue-consent-effects";
import type { PreparedEvent } from "./prepare-event";

export type IngestItemResult =
  | { index: number; status: "created" | "duplicate"; id: string; customerId: string | null }
  | { index: number; status: "rejected"; errors: FieldError[] };

export interface StoreEventBatchInput {
  workspaceId: string;
  events: PreparedEvent[];
  actor: Actor;
  requestId?: string;
  /** Server time in epoch milliseconds: receivedAt, and createdAt of customers made here. */
  now: number;
}

const NO_CUSTOMER: FieldError[] = [{ path: "customerId", message: "No such customer in this workspace" }];
// Only when the customer was erased between this batch's reads: the next attempt creates a new one.
const OWNER_GONE: FieldError[] = [
  {
    path: "externalId",
    message: "The customer with this externalId was removed while the batch ran; send the event again",
  },
];
const VANISHED: FieldError[] = [
  { path: "messageId", message: "A concurrent request with this messageId did not complete; send the event again" },
];

type Resolved = { customerId: string | null } | { errors: FieldError[] };

/** The customer each event belongs to (null: anonymous), or why it cannot be stored. */
async function resolveCustomers(tx: SqlTx, input: StoreEventBatchInput, createdIds: string[]): Promise<Resolved[]> {
  const { workspaceId, events } = input;
  const externalIds = new Map<string, NewExternalId>();
  const anonymousIds = new Set<string>();
  const direct = new Set<string>();
  for (const event of events) {
    if (event.customerId) direct.add(event.customerId);
    else if (event.externalId) {
      if (!externalIds.has(event.externalId))
        externalIds.set(event.externalId, { value: event.externalId, sourceId: event.sourceId });
    } else if (event.anonymousId) anonymousIds.add(event.anonymousId);
  }
  const owners = await findEventIdentityOwners(tx, workspaceId, [...externalIds.keys()], [...anonymousIds]);
  const unknown = [...externalIds.values()].filter((e) => !owners.has(ownerKey("externalId", e.value)));
  if (unknown.length > 0) {
    const created = await createExternalIdCustomers(tx, {
      workspaceId,
      externalIds: unknown,
      actor: input.actor,
      requestId: input.requestId,
      now: new Date(input.now).toISOString(),
    });
    for (const [value, id] of created) {
      owners.set(ownerKey("externalId", value), id);
      createdIds.push(id);
    }
  }
  const active = await lockActiveCustomers(tx, workspaceId, new Set([...direct, ...owners.values()]));
  return events.map((event): Resolved => {
    if (event.customerId) {
      const customerId = active.get(event.customerId);
      return customerId ? { customerId } : { errors: NO_CUSTOMER };
    }
    if (event.externalId) {
      const owner = owners.get(ownerKey("externalId", event.externalId));
      const customerId = owner === undefined ? undefined : active.get(owner);
      return customerId ? { customerId } : { errors: OWNER_GONE };
    }
    // An anonymousId nobody has claimed (or whose owner was just erased) stays anonymous.
    const owner = event.anonymousId ? owners.get(ownerKey("anonymousId", event.anonymousId)) : undefined;
    return { customerId: (owner && active.get(owner)) ?? null };
  });
}

function rowOf(event: PreparedEvent, customerId: string | null, now: number): EventRow {
  return {
    id: uuidV7(now),
    type: event.type,
    // ingest.ts has filled in every missing context by now.
    context: event.context ?? "OTHER",
    customerId,
    anonymousId: event.anonymousId,
    occurredAt: event.occurredAt,
    sentAt: event.sentAt,
    propertiesJson: event.propertiesJson,
    contextInfoJson: event.contextInfoJson,
    sourceId: event.sourceId,
    messageId: event.messageId,
  };
}

export async function storeEventBatch(tx: SqlTx, input: StoreEventBatchInput): Promise<IngestItemResult[]> {
  const createdCustomers: string[] = [];
  const customers = await resolveCustomers(tx, input, createdCustomers);
  const results: IngestItemResult[] = [];
  const rows: EventRow[] = [];
  const rowIndex: number[] = [];
  // Within a batch the first occurrence of a messageId wins; later ones answer as its duplicates.
  const firstByMessageId = new Map<string, number>();
  const repeats: { index: number; firstRow: number }[] = [];
  input.events.forEach((event, i) => {
    const resolved = customers[i];
    if ("errors" in resolved) {
      results.push({ index: event.index, status: "rejected", errors: resolved.errors });
      return;
    }
    const first = event.messageId === null ? undefined : firstByMessageId.get(event.messageId);
    if (first !== undefined) {
      repeats.push({ index: event.index, firstRow: first });
      return;
    }
    if (event.messageId !== null) firstByMessageId.set(event.messageId, rows.length);
    rows.push(rowOf(event, resolved.customerId, input.now));
    rowIndex.push(event.index);
  });

  const { inserted, existing } = await insertEvents(tx, input.workspaceId, new Date(input.now).toISOString(), rows);
  // Webhook fan-out in this transaction: stored events are never missed, rolled-back ones never sent.
  await queueBatchFanOut(tx, input.workspaceId, [...inserted], createdCustomers);
  const consentEvents = rows.filter((r) => r.customerId && CONSENT_EVENT_TYPES.has(r.type) && inserted.has(r.id));
  await queueConsentEffects(
    tx,
    input.workspaceId,
    input.actor,
    consentEvents.map((r) => r.id),
  );
  const rowResults: IngestItemResult[] = rows.map((row, i) => {
    const index = rowIndex[i];
    if (inserted.has(row.id)) return { index, status: "created", id: row.id, customerId: row.customerId };
    const stored = row.messageId === null ? undefined : existing.get(row.messageId);
    return stored ? { index, status: "duplicate", ...stored } : { index, status: "rejected", errors: VANISHED };
  });
  for (const { index, firstRow } of repeats) {
    const first = rowResults[firstRow];
    results.push(first.status === "rejected" ? { ...first, index } : { ...first, index, status: "duplicate" });
  }
  return [...results, ...rowResults];
}
