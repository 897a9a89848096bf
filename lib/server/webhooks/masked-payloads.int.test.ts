// A subscription with maskPersonalData receives the same messages as one without, with personal data
// masked as a masked member reads it through the API; the other still receives it in clear.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import * as eventsApi from "@/lib/schemas/events";
import * as api from "@/lib/schemas/webhooks";
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { startReceiver, type Receiver } from "@/test/kits/webhook-kit";

const SECRETS = ["Rossi", "mario.rossi", "3471234567", "203.0.113.42", "crm-rossi-9"];

let clear: Receiver;
let masked: Receiver;
beforeAll(async () => {
  [clear, masked] = await Promise.all([startReceiver(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([clear.close(), masked.close()]);
});

describe("webhook payloads as configured", () => {
  it("masks personal data for a subscription that asks for it, and only for it", async () => {
    const { ws, admin } = await workspaceWithAdmin("Masked payloads");
    const events = ["customer.created", "customer.updated", "event.created"];
    for (const [receiver, maskPersonalData] of [
      [clear, false],
      [masked, true],
    ] as const) {
      const hook = await call<WebhookWithSecret>(api.createWebhookEndpoint, {
        ws,
        headers: admin,
        body: { url: receiver.url, events, maskPersonalData },
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      expect(hook.body.maskPersonalData).toBe(maskPersonalData);
      receiver.secret(hook.body.secret);
    }
    const created = await call<{ id: string }>(customersApi.createCustomerEndpoint, {
      ws,
      headers: admin,
      body: {
        externalId: "crm-rossi-9",
        base: {
          firstName: "Mario",
          lastName: "Rossi",
          contacts: { email: "mario.rossi@example.com", phone: "+393471234567" },
        },
      },
    });
    expect(created.status).toBe(201);
    await call(customersApi.patchCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: created.body.id },
      body: { tags: ["vip"] },
    });
    const event = await call(eventsApi.createEventEndpoint, {
      ws,
      headers: admin,
      body: {
        type: "viewedPage",
        customerId: created.body.id,
        properties: { url: "https://shop.example/?email=mario.rossi@example.com" },
        contextInfo: { client: { ip: "203.0.113.42" } },
      },
    });
    expect(event.status).toBe(201);
    await settleJobs(ws);

    const texts = (receiver: Receiver) => receiver.received.map((r) => JSON.stringify(r.payload));
    expect(clear.received.map((r) => r.type).sort()).toEqual(masked.received.map((r) => r.type).sort());
    expect(masked.received.map((r) => r.type)).toEqual(expect.arrayContaining(events));
    expect(masked.received.every((r) => r.verified)).toBe(true);
    // The clear receiver is the control: the same messages hold her values.
    for (const secret of SECRETS)
      expect(
        texts(clear).some((text) => text.includes(secret)),
        secret,
      ).toBe(true);
    for (const text of texts(masked))
      expect(
        SECRETS.filter((secret) => text.includes(secret)),
        text,
      ).toEqual([]);
    const customer = masked.received.find((r) => r.type === "customer.created")!.payload.data as Record<
      string,
      unknown
    >;
    expect(customer).toMatchObject({ masked: true, base: { firstName: "M***", lastName: "R***" } });
  });
});
