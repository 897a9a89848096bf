// Throughput of event validation (properties + contextInfo) and of enrichment, on 100,000 mixed events.
// Run: npx tsx bench/event-validation.ts [count]
// The ingestion bar is 20,000 events/s end to end on 2 cores, so this step should stay far above it.
import { ZContextInfo, ZEventContext } from "@/lib/schemas/event-catalogue/context";
import { STANDARD_EVENT_EXAMPLES } from "@/lib/schemas/event-catalogue/examples";
import { normalizeEventProperties } from "@/lib/schemas/event-catalogue/normalize";
import { STANDARD_EVENT_TYPE_NAMES } from "@/lib/schemas/event-catalogue/registry";
import { enrichEvent } from "@/lib/server/events/enrich";

interface BenchEvent {
  type: string;
  context: string;
  properties: Record<string, unknown>;
  contextInfo: Record<string, unknown>;
}

// Deterministic, so runs are comparable (mulberry32).
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

// A few hundred distinct user agents, as a real site sees.
const USER_AGENTS: string[] = [];
for (let v = 100; v < 130; v++) {
  USER_AGENTS.push(
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  );
  USER_AGENTS.push(
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
  );
  USER_AGENTS.push(
    `Mozilla/5.0 (Linux; Android 14; Pixel ${v % 9}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Mobile Safari/537.36`,
  );
  USER_AGENTS.push(`Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`);
  for (let minor = 0; minor < 6; minor++)
    USER_AGENTS.push(
      `Mozilla/5.0 (iPhone; CPU iPhone OS 17_${minor} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${minor} Mobile/15E${v} Safari/604.1`,
    );
}
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
const WEIGHTS: Array<[string, number]> = [
  ["viewedPage", 35],
  ["viewedProduct", 15],
  ["addedProduct", 8],
  ["removedProduct", 2],
  ["clickedLink", 8],
  ["searched", 5],
  ["completedOrder", 4],
  ["abandonedCart", 2],
  ["campaignSent", 5],
  ["campaignOpened", 4],
  ["campaignLinkClicked", 3],
  ["loggedIn", 3],
  ["other", 6],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickType(): string {
  let roll = random() * TOTAL_WEIGHT;
  for (const [type, weight] of WEIGHTS)
    if ((roll -= weight) < 0) return type === "other" ? pick(STANDARD_EVENT_TYPE_NAMES) : type;
  return "viewedPage";
}

function makeEvent(): BenchEvent {
  const type = pickType() as keyof typeof STANDARD_EVENT_EXAMPLES;
  const example = STANDARD_EVENT_EXAMPLES[type];
  let properties: Record<string, unknown> = { ...example.valid };
  if (type === "viewedPage" || type === "clickedLink") {
    const path = pick(PATHS);
    const tags = random() < 0.15 ? `?utm_source=newsletter&utm_medium=email&utm_campaign=c${integer(1, 20)}` : "";
    properties =
      type === "viewedPage"
        ? {
            url: `https://shop.example.com${path}${tags}`,
            path,
            title: `Page ${path}`,
            referrer: "https://www.google.com/",
          }
        : { url: `https://shop.example.com${path}${tags}`, linkTags: ["nav"] };
  } else if (type === "completedOrder") {
    const products = Array.from({ length: integer(1, 5) }, (_, i) => ({
      id: `P-${i}`,
      sku: `SKU-${i}`,
      name: "Item",
      price: 9.9 + i,
      quantity: integer(1, 3),
    }));
    properties = {
      orderId: String(integer(1, 1e9)),
      type: "sale",
      amount: { total: 59.8, tax: 10.78, currency: "EUR" },
      products,
    };
  }
  if (random() < 0.1) properties = { ...properties, abTest: pick(["A", "B"]), sessionDepth: integer(1, 30) }; // moved to extra
  if (random() < 0.01) properties = { ...example.invalid.properties }; // a few broken events
  const contextInfo: Record<string, unknown> = {
    client: { userAgent: pick(USER_AGENTS), ip: `203.0.113.${integer(1, 254)}` },
  };
  if (random() < 0.3)
    (contextInfo.client as Record<string, unknown>).localization = {
      city: "Milano",
      country: "IT",
      geo: { lat: 45.46, lon: 9.19 },
    };
  return { type, context: example.context, properties, contextInfo };
}

function validate(event: BenchEvent): boolean {
  const context = ZEventContext.safeParse(event.context);
  const info = ZContextInfo.safeParse(event.contextInfo);
  const properties = normalizeEventProperties(event.type, event.properties);
  return context.success && info.success && properties.ok;
}

function validateAndEnrich(event: BenchEvent): boolean {
  const info = ZContextInfo.safeParse(event.contextInfo);
  const properties = normalizeEventProperties(event.type, event.properties);
  if (!info.success || !properties.ok) return false;
  return (
    enrichEvent({ type: event.type, properties: properties.properties, contextInfo: info.data }).client !== undefined
  );
}

function measure(label: string, events: BenchEvent[], step: (event: BenchEvent) => boolean): void {
  for (let i = 0; i < Math.min(events.length, 20_000); i++) step(events[i]); // warm up the JIT and the UA cache
  const wallRates: number[] = [];
  const cpuRates: number[] = [];
  let accepted = 0;
  for (let round = 0; round < 5; round++) {
    accepted = 0;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const event of events) if (step(event)) accepted++;
    const cpu = process.cpuUsage(cpuStart);
    wallRates.push(events.length / (Number(process.hrtime.bigint() - start) / 1e9));
    cpuRates.push(events.length / ((cpu.user + cpu.system) / 1e6));
  }
  const median = (rates: number[]) => Math.round(rates.sort((a, b) => a - b)[2]).toLocaleString("en-US");
  // Per CPU-second as well as per wall-second: on a shared machine the wall clock also counts other processes.
  console.log(
    `${label.padEnd(24)} ${median(wallRates).padStart(9)} events/s wall, ${median(cpuRates).padStart(9)} events/CPU-s (medians of 5) — ${accepted}/${events.length} valid`,
  );
}

const count = Number(process.argv[2] ?? 100_000);
// A JSON round trip gives every event its own objects, shaped as a request body would be.
const events: BenchEvent[] = JSON.parse(JSON.stringify(Array.from({ length: count }, makeEvent)));
console.log(
  `${count.toLocaleString("en-US")} mixed events, ${USER_AGENTS.length} distinct user agents, node ${process.version}, 1 thread`,
);
measure("validation", events, validate);
measure("validation + enrichment", events, validateAndEnrich);
