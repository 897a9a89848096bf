// Shopify and WooCommerce sample payloads, signed as the shops sign them, through the real receivers.
import { describe, expect, it } from "vitest";
import { receiveWooCommerceWebhookEndpoint } from "@/lib/schemas/integrations";
import { createSource } from "@/lib/server/sources/create-source";
import { db } from "@/lib/server/db/client";
import {
  fixture,
  postShopWebhook as post,
  postShopify as shopify,
  SHOP_SECRET as SECRET,
  shopWorkspace,
} from "@/test/kits/shop-kit";
import { handlerOf } from "@/test/route-modules";
import { signBody } from "./verify-hmac";
import { shopIdentityType } from "./shop-source";

let counter = 0;

const customersOf = (ws: string) =>
  db().customer.findMany({ where: { workspaceId: ws, status: "ACTIVE" }, include: { identities: true } });
const eventsOf = (ws: string) => db().event.findMany({ where: { workspaceId: ws }, orderBy: { receivedAt: "asc" } });

describe("Shopify webhooks", () => {
  it("customers/create becomes a customer with the shop id as digits, contacts, address and e-mail consent with evidence", async () => {
    const { ws, source } = await shopWorkspace();
    const res = await shopify(source.id, "customers/create", fixture("shopify/customers-create.json"));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe("queued");
    const [customer, ...others] = await customersOf(ws);
    expect(others).toHaveLength(0);
    expect(customer.base).toMatchObject({
      firstName: "Bob",
      lastName: "Biller",
      contacts: { email: "bob@biller.com", phone: "555-555-5555" },
      address: { street: "151 O'Connor Street", city: "Ottawa", province: "ON", zip: "K2P 2L8", country: "CA" },
    });
    const shopId = customer.identities.find((i) => i.type === shopIdentityType({ id: source.id, type: "shopify" }));
    expect(shopId?.value).toBe("706405506930370084");
    expect(customer.consents).toMatchObject({ marketing: { automatic: { email: { status: true } } } });
    const record = await db().consentRecord.findFirstOrThrow({
      where: { workspaceId: ws, key: "marketing.automatic.email" },
    });
    expect(record.evidence).toBe("Shopify email_marketing_consent: subscribed (single_opt_in)");
    expect(record.changedAt.toISOString()).toBe("2022-01-01T00:00:00.000Z");
    expect(record.actorType).toBe("SOURCE");

    // The consent webhook later withdraws it; an update matched by the shop id changes the same customer.
    const update = await shopify(
      source.id,
      "customers_email_marketing_consent/update",
      fixture("shopify/customers-email-marketing-consent-update.json"),
    );
    expect(update.body.status).toBe("queued");
    const after = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: customer.id } },
    });
    expect(after.consents).toMatchObject({ marketing: { automatic: { email: { status: false } } } });
  });

  it("the legacy accepts_marketing becomes the e-mail consent", async () => {
    const { ws, source } = await shopWorkspace();
    await shopify(source.id, "customers/create", fixture("shopify/customers-create-legacy.json"));
    const [customer] = await customersOf(ws);
    expect(customer.consents).toMatchObject({ marketing: { automatic: { email: { status: true } } } });
  });

  it("refuses a bad or missing signature with 401 and writes nothing", async () => {
    const { ws, source } = await shopWorkspace();
    const body = fixture("shopify/customers-create.json");
    expect((await shopify(source.id, "customers/create", body, { secret: "not-the-secret" })).status).toBe(401);
    expect((await shopify(source.id, "customers/create", body, { hmac: "" })).status).toBe(401);
    const tampered = body.replace("Bob", "Rob");
    expect((await shopify(source.id, "customers/create", tampered, { hmac: signBody(body, SECRET) })).status).toBe(401);
    expect((await shopify(crypto.randomUUID(), "customers/create", body)).status).toBe(401);
    expect(await customersOf(ws)).toHaveLength(0);
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("orders/create becomes one completedOrder (orders/paid and redeliveries store nothing twice), then refund and shipment", async () => {
    const { ws, source } = await shopWorkspace();
    const order = fixture("shopify/orders-create.json");
    const first = await shopify(source.id, "orders/create", order, { id: "delivery-1" });
    expect(first.body).toMatchObject({ status: "queued", deliveryId: "delivery-1" });
    expect((await shopify(source.id, "orders/create", order, { id: "delivery-1" })).body.status).toBe("duplicate");
    expect((await shopify(source.id, "orders/paid", order, { id: "delivery-2" })).body.status).toBe("queued");

    const events = await eventsOf(ws);
    expect(events).toHaveLength(1);
    const [customer] = await customersOf(ws);
    expect(events[0]).toMatchObject({
      type: "completedOrder",
      customerId: customer.id,
      context: "ECOMMERCE",
      sourceId: source.id,
    });
    expect(events[0].properties).toMatchObject({
      orderId: "820982911946154508",
      type: "sale",
      amount: { total: 414.95, revenue: 404.95, shipping: 10, currency: "USD" },
      products: [
        { id: "632910392", sku: "IPOD2008PINK", name: "IPod Nano - 8GB", price: 199, quantity: 1 },
        { id: "632910392", price: 199, quantity: 1 },
      ],
    });
    expect(JSON.stringify(events[0].properties)).toContain('"test":true');
    expect(customer.base).toMatchObject({
      firstName: "John",
      lastName: "Smith",
      contacts: { email: "john@example.com" },
    });
    expect(customer.identities.map((i) => i.value)).toContain("115310627314723954");

    await shopify(source.id, "refunds/create", fixture("shopify/refunds-create.json"));
    await shopify(source.id, "fulfillments/create", fixture("shopify/fulfillments-create.json"));
    const all = await eventsOf(ws);
    expect(all).toHaveLength(3);
    const refund = all.find((e) => (e.properties as { type?: string }).type === "return");
    expect(refund).toMatchObject({ customerId: customer.id });
    expect(refund?.properties).toMatchObject({
      orderId: "820982911946154508",
      amount: { total: -199, currency: "USD" },
    });
    const shipped = all.find((e) => e.type === "orderShipped");
    expect(shipped).toMatchObject({ customerId: customer.id });
    expect(shipped?.properties).toMatchObject({
      orderId: "820982911946154508",
      carrier: "UPS",
      trackingCode: "1z827wk74630",
    });
    const deliveries = await db().shopWebhookDelivery.findMany({ where: { workspaceId: ws } });
    expect(deliveries.map((d) => d.status)).toEqual(["PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED"]);
  });

  it("a guest checkout order becomes the e-mail's customer; a checkout becomes abandonedCart", async () => {
    const { ws, source } = await shopWorkspace();
    await shopify(source.id, "orders/create", fixture("shopify/orders-create-guest.json"));
    await shopify(source.id, "checkouts/create", fixture("shopify/checkouts-create.json"));
    const customers = await customersOf(ws);
    expect(customers.map((c) => (c.base as { contacts?: { email?: string } }).contacts?.email).sort()).toEqual([
      "john@example.com",
      "jon@example.com",
    ]);
    const events = await eventsOf(ws);
    expect(events.map((e) => e.type).sort()).toEqual(["abandonedCart", "completedOrder"]);
    const guest = customers.find(
      (c) => (c.base as { contacts?: { email?: string } }).contacts?.email === "jon@example.com",
    );
    expect(events.find((e) => e.type === "completedOrder")?.customerId).toBe(guest?.id);
  });

  it("customers/data_request prepares an export, customers/redact erases, shop/redact erases what only this shop knows", async () => {
    const { ws, source } = await shopWorkspace();
    await shopify(source.id, "customers/create", fixture("shopify/customers-create.json"));
    await shopify(source.id, "orders/create", fixture("shopify/orders-create.json"));
    expect(await customersOf(ws)).toHaveLength(2);

    const request = await shopify(source.id, "customers/data_request", fixture("shopify/customers-data_request.json"));
    expect(request.body.status).toBe("queued");
    const delivery = await db().shopWebhookDelivery.findFirstOrThrow({
      where: { workspaceId: ws, topic: "customers/data_request" },
    });
    expect(JSON.stringify(delivery.export)).toContain("bob@biller.com");
    expect(await db().auditEntry.count({ where: { workspaceId: ws, action: "customer.exported" } })).toBe(1);

    await shopify(source.id, "customers/redact", fixture("shopify/customers-redact.json"));
    const left = await customersOf(ws);
    expect(left).toHaveLength(1);
    expect((left[0].base as { firstName?: string }).firstName).toBe("John");

    // John is also known to another source: shop/redact keeps him.
    const other = await createSource({ workspaceId: ws, input: { name: "CRM" } });
    await db().customerSource.create({ data: { workspaceId: ws, customerId: left[0].id, sourceId: other.id } });
    const bob2 = fixture("shopify/customers-create.json")
      .replace("bob@biller.com", "bob2@biller.com")
      .replace("706405506930370084", "706405506930370000");
    await shopify(source.id, "customers/create", bob2);
    expect(await customersOf(ws)).toHaveLength(2);
    const redact = await shopify(source.id, "shop/redact", fixture("shopify/shop-redact.json"));
    expect(redact.body.status).toBe("queued");
    const remaining = await customersOf(ws);
    expect(remaining.map((c) => c.id)).toEqual([left[0].id]);
    expect(await db().auditEntry.count({ where: { workspaceId: ws, action: { contains: "erase" } } })).toBeGreaterThan(
      0,
    );
  });
});

describe("WooCommerce webhooks", () => {
  const woo = (sourceId: string, topic: string, body: string, options: { id?: string; secret?: string } = {}) =>
    post(receiveWooCommerceWebhookEndpoint, sourceId, body, {
      "x-wc-webhook-topic": topic,
      "x-wc-webhook-resource": topic.split(".")[0],
      "x-wc-webhook-event": topic.split(".")[1],
      "x-wc-webhook-signature": signBody(body, options.secret ?? SECRET),
      "x-wc-webhook-id": "15",
      "x-wc-webhook-delivery-id": options.id ?? `wc-${process.pid}-${++counter}`,
      "x-wc-webhook-source": "https://shop.example.com/",
    });

  it("answers the creation ping without storing anything", async () => {
    const { ws, source } = await shopWorkspace("woocommerce");
    const req = new Request(`http://atrium.test/api/v1/integrations/woocommerce/${source.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "webhook_id=15",
    });
    const res = await (
      await handlerOf(receiveWooCommerceWebhookEndpoint)
    )(req, { params: Promise.resolve({ sourceId: source.id }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "pong" });
    expect(await db().shopWebhookDelivery.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("customer.created and a guest order.created become the customer and one completedOrder; bad signature 401", async () => {
    const { ws, source } = await shopWorkspace("woocommerce");
    expect(
      (
        await woo(source.id, "customer.created", fixture("woocommerce/customer-created.json"), {
          secret: "wrong-secret",
        })
      ).status,
    ).toBe(401);
    expect(await customersOf(ws)).toHaveLength(0);
    expect((await woo(source.id, "customer.created", fixture("woocommerce/customer-created.json"))).body.status).toBe(
      "queued",
    );
    const order = fixture("woocommerce/order-created.json");
    expect((await woo(source.id, "order.created", order, { id: "d-1" })).body.status).toBe("queued");
    expect((await woo(source.id, "order.created", order, { id: "d-1" })).body.status).toBe("duplicate");
    expect((await woo(source.id, "order.updated", order, { id: "d-2" })).body.status).toBe("queued");
    const customers = await customersOf(ws);
    expect(customers).toHaveLength(1);
    expect(customers[0].base).toMatchObject({
      firstName: "John",
      lastName: "Doe",
      contacts: { email: "john.doe@example.com" },
      address: { city: "San Francisco", country: "US" },
    });
    expect(customers[0].identities.some((i) => i.value === "25")).toBe(true);
    const events = await eventsOf(ws);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "completedOrder", customerId: customers[0].id });
    expect(events[0].properties).toMatchObject({
      orderId: "727",
      amount: { total: 29.35, shipping: 10, tax: 1.35, currency: "USD" },
    });
  });
});
