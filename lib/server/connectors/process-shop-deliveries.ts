// connectors.process-deliveries: a shop source's queued webhook deliveries, in batches of up to
// SHOP_DELIVERY_BATCH taken in arrival order with FOR UPDATE SKIP LOCKED (their rows stay locked until the
// batch's outcomes are written, in the same transaction: a crash leaves them queued for the retry).
// Order-like deliveries between two others are one segment: their buyers are settled — returning ones
// whose details did not change set-based (findUnchangedBuyers), new ones through the import's chunk path
// (writeNewShopBuyers), the rest per distinct buyer through writeShopCustomer, a few at a time, each
// buyer's deliveries in order — then all their events go through one ingestEvents call. Any other topic runs alone, in its place, so a refund follows the order it refers to.
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT_BATCH_MAX } from "@/lib/schemas/events";
import { AppError } from "@/lib/server/core/errors";
import { db, type Tx } from "@/lib/server/db/client";
import { ingestEvents, type IngestItemResult } from "@/lib/server/events/ingest";
import { mapLimited } from "@/lib/server/imports/map-limited";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { log } from "@/lib/server/log";
import { findUnchangedBuyers } from "./find-unchanged-buyers";
import { writeNewShopBuyers } from "./write-new-shop-buyers";
import { parseShopJson } from "./parse-shop-json";
import { DELIVERY_JOB_ATTEMPTS, deliveriesStillQueued, deliveryJobKey } from "./queue-shop-delivery";
import { shopEventItem } from "./record-shop-event";
import type { ShopCustomer, ShopEvent } from "./shop-records";
import { loadShopSourceIn, sourcePrincipal, type ShopSource } from "./shop-source";
import { planOrderTopic, processShopTopic, type Outcome } from "./shop-topics";
import { writeShopCustomer } from "./write-shop-customer";

/** Deliveries taken at once (their events are one ingestion batch, below EVENT_BATCH_MAX for single-event topics). */
export const SHOP_DELIVERY_BATCH = Number(process.env.ATRIUM_SHOP_DELIVERY_BATCH ?? 500);
/** Buyers resolved side by side (distinct people: resolution's own locks keep twins apart). */
const BUYERS_IN_FLIGHT = 8;
/** A job works this long, then queues its successor (other sources' jobs get their turn). */
const SLICE_MS = 20_000;

interface QueuedDelivery {
  id: string;
  topic: string;
  payload: string | null;
}

interface OrderEntry {
  index: number;
  buyer: ShopCustomer | null;
  events: ShopEvent[];
}

interface Options {
  /** The job's last attempt: an unexpected failure is recorded on the deliveries instead of being retried. */
  lastAttempt?: boolean;
}

/** An expected refusal (bad data) is this delivery's outcome; anything else is retried, unless this was the last try. */
function failure(error: unknown, options: Options): Outcome {
  if (error instanceof AppError && error.code !== "unavailable") {
    return {
      status: "FAILED",
      result: { reason: error.message, code: error.code, errors: error.options.errors ?? [] },
    };
  }
  if (!options.lastAttempt) throw error;
  log.error({ err: error }, "shop delivery failed on the job's last attempt");
  return { status: "FAILED", result: { reason: "Internal error while processing the delivery" } };
}

/** Who a buyer is for ordering: deliveries naming the same shop id, e-mail or phone are resolved one after another. */
function buyerKey(buyer: ShopCustomer, index: number): string {
  const contacts = buyer.base.contacts ?? {};
  if (buyer.shopCustomerId) return `shop:${buyer.shopCustomerId}`;
  if (contacts.email) return `email:${contacts.email.toLowerCase()}`;
  if (contacts.phone) return `phone:${contacts.phone}`;
  return `entry:${index}`;
}

async function resolveBuyers(
  source: ShopSource,
  entries: OrderEntry[],
  outcomes: Outcome[],
  options: Options,
): Promise<Map<number, string | null>> {
  const customerIds = new Map<number, string | null>();
  const groups = new Map<string, OrderEntry[]>();
  for (const entry of entries) {
    if (!entry.buyer) {
      customerIds.set(entry.index, null);
      continue;
    }
    const key = buyerKey(entry.buyer, entry.index);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  // A buyer sent the same way by all her deliveries of the batch: their order cannot matter, so the
  // set-based check may settle her (findUnchangedBuyers); the others go through resolution in order.
  const uniform = [...groups.values()].filter((group) =>
    group.every((entry) => JSON.stringify(entry.buyer) === JSON.stringify(group[0].buyer)),
  );
  const { unchanged, known } = await findUnchangedBuyers(
    source,
    uniform.map((group) => ({ index: group[0].index, buyer: group[0].buyer as ShopCustomer })),
  );
  const settle = (group: OrderEntry[], customerId: string) => {
    for (const entry of group) customerIds.set(entry.index, customerId);
  };
  // Buyers no shop id names yet, sent alike by all their deliveries: the import's chunk path, together.
  const fresh = uniform.filter((group) => {
    const shopId = group[0].buyer?.shopCustomerId;
    return !unchanged.has(group[0].index) && !(shopId && known.has(shopId));
  });
  const written = await writeNewShopBuyers(
    source,
    fresh.map((group) => group[0].buyer as ShopCustomer),
    BUYERS_IN_FLIGHT,
  );
  const freshGroups = new Set(fresh);
  fresh.forEach((group, k) => {
    const result = written[k];
    if ("customerId" in result) settle(group, result.customerId);
    else for (const entry of group) outcomes[entry.index] = failure(result.error, options);
  });
  const pending = [...groups.values()].filter((group) => {
    if (freshGroups.has(group)) return false;
    const customerId = unchanged.get(group[0].index);
    if (customerId === undefined) return true;
    settle(group, customerId);
    return false;
  });
  await mapLimited(pending, BUYERS_IN_FLIGHT, async (group) => {
    let previous = null as { json: string; customerId: string } | null;
    for (const entry of group) {
      // The same buyer data again (a customer's orders in one batch): resolution would change nothing.
      const json = JSON.stringify(entry.buyer);
      if (previous?.json === json) {
        customerIds.set(entry.index, previous.customerId);
        continue;
      }
      try {
        const { customerId } = await writeShopCustomer(source, entry.buyer as ShopCustomer);
        customerIds.set(entry.index, customerId);
        previous = { json, customerId };
      } catch (error) {
        outcomes[entry.index] = failure(error, options);
        previous = null;
      }
    }
  });
  return customerIds;
}

async function processOrders(source: ShopSource, entries: OrderEntry[], outcomes: Outcome[], options: Options) {
  if (entries.length === 0) return;
  const customerIds = await resolveBuyers(source, entries, outcomes, options);
  const items: unknown[] = [];
  const owners: number[] = [];
  for (const entry of entries) {
    if (outcomes[entry.index]) continue;
    for (const event of entry.events) {
      items.push(shopEventItem(source, event, customerIds.get(entry.index) ?? null));
      owners.push(entry.index);
    }
  }
  const results: IngestItemResult[] = [];
  for (let from = 0; from < items.length; from += EVENT_BATCH_MAX) {
    const part = await ingestEvents({
      workspaceId: source.workspaceId,
      items: items.slice(from, from + EVENT_BATCH_MAX),
      principal: sourcePrincipal(source),
    });
    results.push(...part);
  }
  const byDelivery = new Map<number, IngestItemResult[]>();
  results.forEach((result, k) => byDelivery.set(owners[k], [...(byDelivery.get(owners[k]) ?? []), result]));
  for (const [index, stored] of byDelivery) {
    const customerId = customerIds.get(index) ?? null;
    const rejected = stored.find((s) => s.status === "rejected");
    if (rejected) {
      outcomes[index] = { status: "FAILED", result: { reason: "event rejected", errors: rejected.errors } };
    } else if (stored.length === 1 && source.type === "shopify") {
      const [s] = stored;
      outcomes[index] = {
        status: "PROCESSED",
        result: { customerId, eventId: "id" in s ? s.id : undefined, event: s.status },
      };
    } else {
      outcomes[index] = {
        status: "PROCESSED",
        result: { customerId, events: stored.map((s) => ({ id: "id" in s ? s.id : undefined, status: s.status })) },
      };
    }
  }
}

async function processBatch(source: ShopSource, rows: QueuedDelivery[], options: Options): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(rows.length);
  let segment: OrderEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const payload = row.payload === null ? null : parseShopJson(row.payload);
    if (!payload) {
      outcomes[index] = { status: "FAILED", result: { reason: "The delivery's body was not kept" } };
      continue;
    }
    const plan = planOrderTopic(source.type, row.topic, payload);
    if (plan && "ignored" in plan) outcomes[index] = { status: "IGNORED", result: { reason: plan.ignored } };
    else if (plan) segment.push({ index, ...plan });
    else {
      await processOrders(source, segment, outcomes, options);
      segment = [];
      try {
        outcomes[index] = await processShopTopic(source, row.topic, payload);
      } catch (error) {
        outcomes[index] = failure(error, options);
      }
    }
  }
  await processOrders(source, segment, outcomes, options);
  return outcomes;
}

/**
 * The batch's outcomes in one statement (with a data request's export); the kept bodies are dropped (the
 * result holds no personal data).
 */
async function recordOutcomes(tx: Tx, workspaceId: string, rows: QueuedDelivery[], outcomes: Outcome[]) {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "ShopWebhookDelivery" AS d
       SET status = v.status::"ShopDeliveryStatus", result = v.result::jsonb,
           export = COALESCE(v.export::jsonb, d.export), payload = NULL
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${outcomes.map((o) => o.status)}::text[],
                  ${outcomes.map((o) => JSON.stringify(o.result))}::text[],
                  ${outcomes.map((o) => (o.export ? JSON.stringify(o.export) : null))}::text[])
           AS v(id, status, result, export)
     WHERE d."workspaceId" = ${workspaceId}::uuid AND d.id = v.id`);
}

export async function processShopDeliveries(
  { workspaceId, sourceId }: { workspaceId: string; sourceId: string },
  options: Options = {},
): Promise<void> {
  const source = await loadShopSourceIn(workspaceId, sourceId);
  if (!source) return; // deleted with its deliveries
  const started = Date.now();
  while (Date.now() - started < SLICE_MS) {
    const taken = await db().$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<QueuedDelivery[]>(Prisma.sql`
          SELECT id::text, topic, payload FROM "ShopWebhookDelivery"
           WHERE "workspaceId" = ${workspaceId}::uuid AND "sourceId" = ${sourceId}::uuid AND status = 'QUEUED'
           ORDER BY id LIMIT ${SHOP_DELIVERY_BATCH} FOR UPDATE SKIP LOCKED`);
        if (rows.length === 0) return 0;
        await recordOutcomes(tx, workspaceId, rows, await processBatch(source, rows, options));
        return rows.length;
      },
      // The rows stay locked while the batch is processed on other connections (well under the server's 60 s idle limit).
      { maxWait: 10_000, timeout: 55_000 },
    );
    // Fewer than a full batch: the queue looks empty. Receivers may have skipped queuing a job because
    // this one was waiting (queue-shop-delivery.ts): once they have committed, a last look decides.
    if (taken < SHOP_DELIVERY_BATCH) {
      const more = await db().$transaction((tx) => deliveriesStillQueued(tx, workspaceId, sourceId));
      if (!more) return;
    }
  }
  const key = deliveryJobKey(sourceId);
  await enqueue(
    "connectors.process-deliveries",
    { workspaceId, sourceId },
    { jobKey: key, queueName: key, maxAttempts: DELIVERY_JOB_ATTEMPTS },
  );
}
