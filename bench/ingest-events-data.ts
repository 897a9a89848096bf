// Realistic event batches for bench/ingest-events.ts, and the same events as COPY rows. Deterministic
// (seeded), so runs are comparable.
import { CONTEXT_INFO_EXAMPLE, STANDARD_EVENT_EXAMPLES } from "@/lib/schemas/event-catalogue/examples";
import { normalizeEventProperties } from "@/lib/schemas/event-catalogue/normalize";
import { STANDARD_EVENT_TYPE_NAMES, type StandardEventType } from "@/lib/schemas/event-catalogue/registry";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { enrichEvent } from "@/lib/server/events/enrich";

export interface BenchEvent {
  type: StandardEventType;
  context: string;
  externalId?: string;
  anonymousId?: string;
  messageId: string;
  occurredAt: string;
  properties: Record<string, unknown>;
  contextInfo: {
    client: { userAgent: string; ip: string; localization?: typeof CONTEXT_INFO_EXAMPLE.client.localization };
  };
}

/** ~5,000 people send most events; some come from anonymous visitors only. */
const DISTINCT_EXTERNAL_IDS = 5_000;
const DISTINCT_ANONYMOUS_IDS = 20_000;
const ANONYMOUS_SHARE = 0.15;
const BATCH_SIZE = 1_000;

const USER_AGENTS = Array.from({ length: 30 }, (_, i) => [
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + i}.0.0.0 Safari/537.36`,
  `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${i % 6} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${i % 6} Mobile/15E148 Safari/604.1`,
  `Mozilla/5.0 (Linux; Android 14; Pixel ${i % 9}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + i}.0.0.0 Mobile Safari/537.36`,
]).flat();
const PATHS = [
  "/",
  "/women",
  "/men/shoes",
  "/sale",
  "/p/tshirt-blu",
  "/p/mug-01",
  "/cart",
  "/checkout",
  "/blog/spring-trends",
];
const WEIGHTS: Array<[StandardEventType | "other", number]> = [
  ["viewedPage", 35],
  ["viewedProduct", 15],
  ["addedProduct", 8],
  ["clickedLink", 8],
  ["searched", 5],
  ["completedOrder", 4],
  ["abandonedCart", 2],
  ["campaignSent", 5],
  ["campaignOpened", 4],
  ["campaignLinkClicked", 3],
  ["loggedIn", 3],
  ["other", 8],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function randomSource(seed: number) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  return { random, integer, pick };
}

function propertiesFor(type: StandardEventType, rnd: ReturnType<typeof randomSource>): Record<string, unknown> {
  if (type === "viewedPage" || type === "clickedLink") {
    const page = rnd.pick(PATHS);
    const tags =
      rnd.random() < 0.15 ? `?utm_source=newsletter&utm_medium=email&utm_campaign=c${rnd.integer(1, 20)}` : "";
    const url = `https://shop.example.com${page}${tags}`;
    return type === "viewedPage"
      ? { url, path: page, title: `Page ${page}`, referrer: "https://www.google.com/" }
      : { url, linkTags: ["nav"] };
  }
  if (type === "completedOrder") {
    const products = Array.from({ length: rnd.integer(1, 4) }, (_, i) => ({
      id: `P-${i}`,
      sku: `SKU-${i}`,
      name: "Item",
      price: 9.9 + i,
      quantity: rnd.integer(1, 3),
    }));
    return {
      orderId: String(rnd.integer(1, 1e9)),
      type: "sale",
      amount: { total: 59.8, tax: 10.78, currency: "EUR" },
      products,
    };
  }
  return STANDARD_EVENT_EXAMPLES[type].valid;
}

/**
 * Live traffic: most events happened seconds to minutes before they are sent; a few arrive late (apps that
 * were offline, retried deliveries). The spread matters: summaries are kept per day and type.
 */
function occurredAgo(rnd: ReturnType<typeof randomSource>): number {
  return rnd.random() < 0.95 ? rnd.integer(0, 15 * 60_000) : rnd.integer(0, 7 * 86_400_000);
}

export function generateBatches({
  batches,
  seed,
  label,
}: {
  batches: number;
  seed: number;
  label: string;
}): BenchEvent[][] {
  const rnd = randomSource(seed);
  const now = Date.now();
  return Array.from({ length: batches }, (_, b) =>
    Array.from({ length: BATCH_SIZE }, (_, i): BenchEvent => {
      let roll = rnd.random() * TOTAL_WEIGHT;
      let type: StandardEventType = "viewedPage";
      for (const [candidate, weight] of WEIGHTS) {
        if ((roll -= weight) < 0) {
          type = candidate === "other" ? rnd.pick(STANDARD_EVENT_TYPE_NAMES) : candidate;
          break;
        }
      }
      const anonymous = rnd.random() < ANONYMOUS_SHARE;
      const client: BenchEvent["contextInfo"]["client"] = {
        userAgent: rnd.pick(USER_AGENTS),
        ip: `203.0.113.${rnd.integer(1, 254)}`,
      };
      if (rnd.random() < 0.3) client.localization = CONTEXT_INFO_EXAMPLE.client.localization;
      return {
        type,
        context: STANDARD_EVENT_EXAMPLES[type].context,
        ...(anonymous
          ? { anonymousId: `anon-${label}-${rnd.integer(1, DISTINCT_ANONYMOUS_IDS)}` }
          : { externalId: `crm-${label}-${rnd.integer(1, DISTINCT_EXTERNAL_IDS)}` }),
        messageId: `${label}-${seed}-${b}-${i}`,
        occurredAt: new Date(now - occurredAgo(rnd)).toISOString(),
        properties: propertiesFor(type, rnd),
        contextInfo: { client },
      };
    }),
  );
}

const csvField = (value: string | null) => (value === null ? "" : `"${value.replaceAll('"', '""')}"`);

/** The rows the API stores for these events, as CSV for COPY (new ids and messageIds, so nothing conflicts). */
export function toCopyCsv(
  events: BenchEvent[],
  options: { workspaceId: string; sourceId: string; customers: Map<string, string> },
): string {
  const receivedAt = new Date().toISOString();
  const lines: string[] = [];
  for (const event of events) {
    const normalized = normalizeEventProperties(event.type, event.properties);
    const properties = normalized.ok ? normalized.properties : event.properties;
    const contextInfo = enrichEvent({ type: event.type, properties, contextInfo: event.contextInfo });
    const customerId = event.externalId ? (options.customers.get(event.externalId) ?? null) : null;
    lines.push(
      [
        options.workspaceId,
        uuidV7(),
        event.type,
        event.context,
        customerId,
        event.anonymousId ?? null,
        event.occurredAt,
        receivedAt,
        null,
        JSON.stringify(properties),
        JSON.stringify(contextInfo),
        options.sourceId,
        `copy-${event.messageId}`,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}
