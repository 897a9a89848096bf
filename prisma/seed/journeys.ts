// What people do in one visit: browse the shop or the app, buy in a store or on the phone, ask for help.
import type { EventContext } from "@/lib/generated/prisma/client";
import {
  deviceInfo,
  emit,
  orderProps,
  productProps,
  recordOrder,
  storeInfo,
  webClient,
  type EventKit,
} from "./event-kit";
import { DAY, HOUR, MINUTE } from "./random";
import type { JsonObject, Person, Product } from "./types";

const CARRIERS = [
  ["BRT", "https://vas.brt.it/vas/sped_det_show.htm?tracking="],
  ["DHL", "https://www.dhl.com/track?id="],
  ["UPS", "https://www.ups.com/track?tracknum="],
] as const;
const ONLINE_PAYMENTS: [string, number][] = [
  ["card", 55],
  ["paypal", 25],
  ["applepay", 10],
  ["klarna", 5],
  ["googlepay", 5],
];
const STORE_PAYMENTS: [string, number][] = [
  ["card", 70],
  ["cash", 25],
  ["applepay", 5],
];

export interface Visitor {
  person: Person | null;
  anonymousId: string | null;
  userAgent: string;
  ip: string;
}

function step(kit: EventKit, at: number, min = 10, max = 150): number {
  return at + kit.rng.int(min, max) * 1000;
}

/** A visit to the web shop (or the app, `channel: "app"`): pages, searches, products, maybe an order. */
export function browse(
  kit: EventKit,
  visitor: Visitor,
  start: number,
  channel: "web" | "app",
  campaign?: JsonObject,
): void {
  const { rng, plan } = kit;
  const { person, anonymousId } = visitor;
  const catalogue = plan.catalogue;
  const context: EventContext = channel === "app" ? "MOBILE" : "WEB";
  const contextInfo: JsonObject = { client: webClient(person, visitor) };
  if (channel === "app" && person) contextInfo.device = deviceInfo(kit, person);
  if (campaign) contextInfo.campaign = campaign;
  const base = { context, source: channel, contextInfo, anonymousId } as const;
  let at = start;

  if (person && rng.chance(channel === "app" ? 0.5 : 0.3)) emit(kit, person, { ...base, type: "loggedIn", at });
  const pageCount = rng.weighted([
    [1, 30],
    [2, 25],
    [3, 20],
    [4, 15],
    [6, 10],
  ] as const);
  let referrer: string | null = campaign
    ? null
    : rng.weighted<string | null>([
        [null, 40],
        ["https://www.google.com/", 40],
        ["https://www.instagram.com/", 12],
        ["https://www.facebook.com/", 8],
      ]);
  for (let i = 0; i < pageCount; i++) {
    const page = i === 0 && rng.chance(0.5) ? catalogue.pages[0] : rng.pick(catalogue.pages);
    const url = `${catalogue.siteUrl}${page.path}`;
    emit(kit, person, {
      ...base,
      type: "viewedPage",
      at,
      properties: {
        url,
        path: page.path,
        title: page.title,
        referrer,
        search: "",
        pageCategories: page.categories,
        pageTags: [],
      },
    });
    referrer = url;
    at = step(kit, at);
  }
  if (rng.chance(0.25)) {
    emit(kit, person, {
      ...base,
      type: "searched",
      at,
      properties: { keyword: rng.pick(catalogue.searchTerms), resultCount: rng.int(0, 48) },
    });
    at = step(kit, at);
  }
  const viewed: Product[] = rng.sample(
    catalogue.products,
    rng.weighted([
      [0, 25],
      [1, 35],
      [2, 20],
      [3, 12],
      [4, 8],
    ] as const),
  );
  if (viewed.length > 0 && rng.chance(0.3)) {
    emit(kit, person, { ...base, type: "viewedProductCategory", at, properties: { category: viewed[0].category[0] } });
    at = step(kit, at);
  }
  for (const product of viewed) {
    emit(kit, person, { ...base, type: "viewedProduct", at, properties: productProps(product) });
    at = step(kit, at, 20, 200);
  }
  if (viewed.length === 0) return;
  if (rng.chance(0.05)) emit(kit, person, { ...base, type: "addedWishlist", at, properties: productProps(viewed[0]) });
  if (rng.chance(0.03))
    emit(kit, person, { ...base, type: "addedCompare", at, properties: productProps(rng.pick(viewed)) });
  if (!rng.chance(0.32)) return;

  const cart: [Product, number][] = rng
    .sample(viewed, rng.int(1, Math.min(2, viewed.length)))
    .map((product) => [product, rng.chance(0.85) ? 1 : 2]);
  for (const [product, quantity] of cart) {
    at = step(kit, at);
    emit(kit, person, { ...base, type: "addedProduct", at, properties: productProps(product, quantity) });
  }
  if (cart.length > 1 && rng.chance(0.1)) {
    const [removed] = cart.splice(1, 1);
    at = step(kit, at);
    emit(kit, person, { ...base, type: "removedProduct", at, properties: productProps(removed[0], removed[1]) });
  }
  at = step(kit, at, 60, 400);
  if (person && rng.chance(0.5)) {
    const props = orderProps(kit, cart, { paymentMethods: ONLINE_PAYMENTS, shipping: true });
    const orderContext =
      channel === "app"
        ? contextInfo
        : {
            ...contextInfo,
            store: { id: "online", name: `${plan.name} online`, type: "ECOMMERCE", website: catalogue.siteUrl },
          };
    if (
      emit(kit, person, {
        ...base,
        context: channel === "app" ? "MOBILE" : "ECOMMERCE",
        contextInfo: orderContext,
        type: "completedOrder",
        at,
        properties: props,
      })
    ) {
      const amount = props.amount as { total: number };
      recordOrder(kit, person, at, amount.total);
      afterOrder(kit, person, at, props, cart);
    }
  } else if (person && rng.chance(0.35)) {
    const props = orderProps(kit, cart, { paymentMethods: ONLINE_PAYMENTS, shipping: true });
    delete props.orderId;
    emit(kit, person, {
      type: "abandonedCart",
      context: "ECOMMERCE",
      source: channel,
      at: at + rng.int(1, 6) * HOUR,
      properties: props,
    });
  }
}

/** Shipping and, sometimes, a review after an online order. */
function afterOrder(kit: EventKit, person: Person, at: number, order: JsonObject, cart: [Product, number][]): void {
  const { rng } = kit;
  if (kit.plan.slug === "northwind" && rng.chance(0.9)) {
    const [carrier, url] = rng.pick(CARRIERS);
    const trackingCode = rng.hex(12).toUpperCase();
    emit(kit, person, {
      type: "orderShipped",
      context: "ECOMMERCE",
      source: "web",
      at: at + rng.int(18, 60) * HOUR,
      properties: { orderId: order.orderId, carrier, trackingCode, trackingUrl: `${url}${trackingCode}` },
    });
  }
  if (rng.chance(0.07)) {
    emit(kit, person, {
      type: "reviewedProduct",
      context: "WEB",
      source: "web",
      at: at + rng.int(5, 20) * DAY,
      properties: {
        ...productProps(cart[0][0]),
        rating: rng.weighted([
          [5, 50],
          [4, 30],
          [3, 12],
          [2, 5],
          [1, 3],
        ] as const),
      },
      contextInfo: { client: webClient(person, person) },
    });
  }
}

/** A purchase at the till of a store, with the sales assistant and club points. */
export function storeVisit(kit: EventKit, person: Person, at: number): void {
  const { rng, plan } = kit;
  const local = plan.catalogue.stores.filter((store) => store.city === person.city.name);
  const store = local.length > 0 && rng.chance(0.85) ? local[0] : rng.pick(plan.catalogue.stores);
  const assistant = rng.pick(kit.assistants.get(store.id) ?? [{ id: "SA-0", firstName: "Staff", lastName: "Member" }]);
  const cart: [Product, number][] = rng
    .sample(
      plan.catalogue.products,
      rng.weighted([
        [1, 55],
        [2, 30],
        [3, 15],
      ] as const),
    )
    .map((product) => [product, 1]);
  const props = orderProps(kit, cart, { storeCode: store.id, paymentMethods: STORE_PAYMENTS, shipping: false });
  const contextInfo = { store: storeInfo(store), salesAssistant: assistant };
  if (
    !emit(kit, person, { type: "completedOrder", context: "RETAIL", source: "pos", at, properties: props, contextInfo })
  )
    return;
  const total = (props.amount as { total: number }).total;
  recordOrder(kit, person, at, total, store.id);
  if (rng.chance(0.6)) {
    emit(kit, person, {
      type: "addedReward",
      context: "RETAIL",
      source: "pos",
      at: at + 1000,
      properties: { rewardAmount: Math.floor(total), rewardType: "points" },
      contextInfo,
    });
  }
  if (rng.chance(0.06))
    emit(kit, person, {
      type: "grantedCoupon",
      context: "RETAIL",
      source: "pos",
      at: at + 2000,
      properties: { code: `CLUB-${rng.hex(6).toUpperCase()}` },
      contextInfo,
    });
}

/** A booking made on the phone with the call center. */
export function phoneBooking(kit: EventKit, person: Person, at: number): void {
  const { rng, plan } = kit;
  const cart: [Product, number][] = rng
    .sample(plan.catalogue.products, rng.int(1, 2))
    .map((product) => [product, rng.chance(0.7) ? 1 : 2]);
  const props = orderProps(kit, cart, {
    paymentMethods: [
      ["card", 90],
      ["bank-transfer", 10],
    ],
    shipping: false,
  });
  const contextInfo = {
    salesAssistant: rng.pick(
      kit.assistants.get("call-center") ?? [{ id: "CC-0", firstName: "Agent", lastName: "Smith" }],
    ),
  };
  if (
    emit(kit, person, {
      type: "completedOrder",
      context: "CONTACT_CENTER",
      source: "callCenter",
      at,
      properties: props,
      contextInfo,
    })
  ) {
    recordOrder(kit, person, at, (props.amount as { total: number }).total);
  }
}

/** A support ticket: opened, answered, closed. */
export function supportTicket(kit: EventKit, person: Person, at: number): void {
  const { rng, plan } = kit;
  const [subject, category] = rng.pick(plan.catalogue.ticketSubjects);
  const ticketId = `TCK-${rng.int(100000, 999999)}`;
  const source = kit.sourceIds.callCenter ? "callCenter" : "crm";
  const properties = { ticketId, subject, category: [category] };
  if (!emit(kit, person, { type: "openedTicket", context: "CONTACT_CENTER", source, at, properties })) return;
  const replied = at + rng.int(20, 24 * 60) * MINUTE;
  emit(kit, person, { type: "repliedTicket", context: "CONTACT_CENTER", source, at: replied, properties });
  if (rng.chance(0.9))
    emit(kit, person, {
      type: "closedTicket",
      context: "CONTACT_CENTER",
      source,
      at: replied + rng.int(1, 96) * HOUR,
      properties,
    });
}
