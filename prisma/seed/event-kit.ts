// Building blocks for events: the emitter (ids, message ids, source, what it leaves on the person)
// and the product, order and context objects events carry.
import type { EventContext, Prisma } from "@/lib/generated/prisma/client";
import type { WorkspacePlan } from "./plans";
import { DAY, HOUR, MINUTE, type Rng } from "./random";
import type { Activity, JsonObject, Person, Product, SourceKey, Store } from "./types";

export interface EventKit {
  rng: Rng;
  plan: WorkspacePlan;
  ref: number;
  windowStart: number;
  workspaceId: string;
  sourceIds: Partial<Record<SourceKey, string>>;
  events: Prisma.EventCreateManyInput[];
  activity: Map<string, Activity>;
  assistants: Map<string, JsonObject[]>;
  orderSequence: number;
  /** The workspace time zone's offset from UTC (ms), so that the busy hours are local ones. */
  utcOffset: number;
}

export interface EventDraft {
  type: string;
  context: EventContext;
  at: number;
  source: SourceKey;
  properties?: JsonObject;
  contextInfo?: JsonObject;
  anonymousId?: string | null;
}

/** Sources that send in real time through the SDK (they set sentAt); the others sync in batches. */
const REAL_TIME: SourceKey[] = ["web", "app"];

export function activityOf(kit: EventKit, personId: string): Activity {
  let activity = kit.activity.get(personId);
  if (!activity) {
    activity = {
      orders: 0,
      spend: 0,
      lastOrderAt: null,
      lastEventAt: null,
      storeIds: new Set(),
      sourcesSeen: new Map(),
    };
    kit.activity.set(personId, activity);
  }
  return activity;
}

/** Adds the event unless it would happen after the reference date; answers whether it was added. */
export function emit(kit: EventKit, person: Person | null, draft: EventDraft): boolean {
  const { rng } = kit;
  if (draft.at >= kit.ref || draft.at < kit.windowStart) return false;
  if (person && draft.at < person.createdAt) return false;
  const realTime = REAL_TIME.includes(draft.source);
  kit.events.push({
    workspaceId: kit.workspaceId,
    id: rng.uuid7(draft.at),
    type: draft.type,
    context: draft.context,
    customerId: person?.id ?? null,
    anonymousId: draft.anonymousId ?? null,
    occurredAt: new Date(draft.at),
    receivedAt: new Date(draft.at + (realTime ? rng.int(40, 1500) : rng.int(1, 30) * MINUTE)),
    sentAt: realTime ? new Date(draft.at + rng.int(5, 30)) : null,
    properties: draft.properties ?? {},
    contextInfo: draft.contextInfo ?? {},
    sourceId: kit.sourceIds[draft.source] ?? null,
    messageId: rng.uuid(),
  });
  if (person) {
    const activity = activityOf(kit, person.id);
    activity.lastEventAt = Math.max(activity.lastEventAt ?? 0, draft.at);
    const seen = activity.sourcesSeen.get(draft.source);
    if (seen === undefined || draft.at < seen) activity.sourcesSeen.set(draft.source, draft.at);
  }
  return true;
}

export const round2 = (value: number): number => Math.round(value * 100) / 100;

export function productProps(product: Product, quantity = 1): JsonObject {
  return { ...product, category: [...product.category], quantity };
}

export interface OrderOptions {
  storeCode?: string;
  paymentMethods: [string, number][];
  shipping: boolean;
}

/** completedOrder properties for a cart, with totals that add up (prices include VAT where there is one). */
export function orderProps(kit: EventKit, lines: [Product, number][], options: OrderOptions): JsonObject {
  const { rng, plan } = kit;
  kit.orderSequence += 1;
  const subtotal = lines.reduce((sum, [product, quantity]) => sum + product.price * quantity, 0);
  const discount = rng.chance(0.2) ? round2(subtotal * rng.pick([0.1, 0.15, 0.2])) : 0;
  const shipping = options.shipping && subtotal - discount < 50 ? 4.9 : 0;
  const total = round2(subtotal - discount + shipping);
  const tax = round2((total * plan.vatRate) / (1 + plan.vatRate));
  const props: JsonObject = {
    orderId: `${plan.slug === "northwind" ? "NW" : "CT"}-${String(kit.orderSequence).padStart(7, "0")}`,
    type: "sale",
    paymentMethod: rng.weighted(options.paymentMethods),
    amount: { total, revenue: round2(total - tax - shipping), shipping, tax, discount, currency: plan.currency },
    products: lines.map(([product, quantity]) => productProps(product, quantity)),
  };
  if (options.storeCode) props.storeCode = options.storeCode;
  if (options.shipping)
    props.shippingMethod = rng.weighted([
      ["standard", 70],
      ["express", 20],
      ["click-and-collect", 10],
    ]);
  return props;
}

export function recordOrder(kit: EventKit, person: Person, at: number, total: number, storeId?: string): void {
  const activity = activityOf(kit, person.id);
  activity.orders += 1;
  activity.spend = round2(activity.spend + total);
  activity.lastOrderAt = Math.max(activity.lastOrderAt ?? 0, at);
  if (storeId) activity.storeIds.add(storeId);
}

export function webClient(person: Person | null, fallback: { userAgent: string; ip: string }): JsonObject {
  const client: JsonObject = { userAgent: person?.userAgent ?? fallback.userAgent, ip: person?.ip ?? fallback.ip };
  if (person) client.localization = { city: person.city.name, country: person.country.code };
  return client;
}

export function deviceInfo(kit: EventKit, person: Person): JsonObject {
  return {
    id: person.deviceId,
    type: person.deviceType,
    os: person.deviceType === "IOS" ? "iOS 18.1" : "Android 14",
    appId: kit.plan.catalogue.appId,
    appVersion: kit.rng.pick(["4.8.0", "4.8.2", "4.9.0", "5.0.1"]),
  };
}

export function storeInfo(store: Store): JsonObject {
  return {
    id: store.id,
    name: store.name,
    type: "STORE",
    address: { city: store.city, country: store.country },
    geo: { lat: store.lat, lon: store.lon },
  };
}

/** Visits by local hour of the day. */
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 4.5, 5, 5, 4.5, 4.5, 5, 5.5, 6, 7, 7.5, 7, 5.5, 3.5, 2].map(
  (weight, hour) => [hour, weight] as const,
);

/** A moment in [from, to): a uniform day, a plausible hour (evenings busiest), seasonal months busier. */
export function sessionStart(kit: EventKit, from: number, to: number, season: (month: number) => number): number {
  const { rng } = kit;
  for (let attempt = 0; attempt < 6; attempt++) {
    const day = Math.floor(rng.timeBetween(from, to) / DAY) * DAY;
    const hour = rng.weighted(HOURS);
    const at = day + hour * HOUR - kit.utcOffset + rng.int(0, HOUR - 1);
    if (at < from || at >= to) continue;
    if (rng.float() * 1.6 <= season(new Date(at).getUTCMonth())) return at;
  }
  return rng.timeBetween(from, to);
}
