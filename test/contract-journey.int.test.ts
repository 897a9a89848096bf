// The contract check validates every response the integration suite receives; these calls make sure the
// success answer of each administrative operation is among them (the coverage figure after a run names any
// operation still without one). Each step also asserts what the operation did.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as apiClients from "@/lib/schemas/api-clients";
import * as automations from "@/lib/schemas/automations";
import { createCustomerBatchEndpoint } from "@/lib/schemas/imports";
import * as integrations from "@/lib/schemas/integrations";
import { updateOwnMembershipEndpoint } from "@/lib/schemas/me";
import * as members from "@/lib/schemas/members";
import * as sources from "@/lib/schemas/sources";
import * as webhooks from "@/lib/schemas/webhooks";
import { createWorkspaceEndpoint } from "@/lib/schemas/workspaces";
import { signBody } from "@/lib/server/connectors/verify-hmac";
import { db } from "@/lib/server/db/client";
import { createSource } from "@/lib/server/sources/create-source";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { settleJobs } from "@/test/kits/job-kit";
import { handlerOf } from "@/test/route-modules";

type Body = Record<string, unknown> & { id: string };

describe("administrative operations answer their documented success", () => {
  it("workspaces, members and API clients", async () => {
    const { ws, admin } = await workspaceWithAdmin("Contract journey");
    const created = await call<Body>(createWorkspaceEndpoint, { ws, headers: admin, body: { name: "Journey two" } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("Journey two");

    const user = await db().user.create({ data: { email: `journey-${Date.now()}@test.local`, name: "Journey" } });
    const added = await call(members.addMemberEndpoint, {
      ws,
      headers: admin,
      body: { email: user.email, role: "guest" },
    });
    expect(added.status).toBe(201);
    const params = { userId: user.id };
    const updated = await call(members.updateMemberEndpoint, { ws, headers: admin, params, body: { role: "user" } });
    expect(updated.status).toBe(200);
    expect(updated.body.role).toBe("user");
    expect((await call(members.removeMemberEndpoint, { ws, headers: admin, params })).status).toBe(204);

    const ownZone = await call(updateOwnMembershipEndpoint, { ws, headers: admin, body: { timeZone: "Asia/Tokyo" } });
    expect(ownZone.status).toBe(200);
    expect(ownZone.body.timeZone).toBe("Asia/Tokyo");

    const client = await call<Body>(apiClients.createApiClientEndpoint, {
      ws,
      headers: admin,
      body: { name: "Warehouse sync", role: "user" },
    });
    expect(client.status).toBe(201);
    const rotated = await call<Body>(apiClients.rotateApiClientSecretEndpoint, {
      ws,
      headers: admin,
      params: { id: client.body.id },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientId).toBe(client.body.clientId);
    expect(rotated.body.clientSecret).not.toBe(client.body.clientSecret);
    const revoked = await call(apiClients.revokeApiClientEndpoint, {
      ws,
      headers: admin,
      params: { id: client.body.id },
    });
    expect(revoked.status).toBe(204);
  });

  it("sources and the customer batch", async () => {
    const { ws, admin } = await workspaceWithAdmin("Contract sources");
    const source = await call<Body>(sources.createSourceEndpoint, { ws, headers: admin, body: { name: "Web" } });
    expect(source.status).toBe(201);
    const params = { id: source.body.id };
    expect((await call(sources.getSourceEndpoint, { ws, headers: admin, params })).status).toBe(200);
    const renamed = await call(sources.updateSourceEndpoint, {
      ws,
      headers: admin,
      params,
      body: { name: "Web shop" },
    });
    expect(renamed.body.name).toBe("Web shop");
    const rotated = await call(sources.rotateWriteKeyEndpoint, { ws, headers: admin, params });
    expect(rotated.status).toBe(200);
    expect(rotated.body.writeKey).not.toBe(source.body.writeKey);
    expect((await call(sources.deleteSourceEndpoint, { ws, headers: admin, params })).status).toBe(204);

    const batch = await call<{ results: { status: string }[] }>(createCustomerBatchEndpoint, {
      ws,
      headers: admin,
      body: { customers: [{ externalId: "journey-1" }, { externalId: "journey-2" }] },
    });
    expect(batch.status).toBe(200);
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(2);
  });

  it("a shop's deliveries and its data request export", async () => {
    const { ws, admin } = await workspaceWithAdmin("Contract shop");
    const secret = "shpss_contract_journey_secret";
    const source = await createSource({
      workspaceId: ws,
      input: { name: "Shop", type: "shopify", signingSecret: secret },
    });
    const fixture = (name: string) => readFileSync(path.join("test/fixtures/shopify", name), "utf8");
    for (const [topic, file] of [
      ["customers/create", "customers-create.json"],
      ["customers/data_request", "customers-data_request.json"],
    ]) {
      const body = fixture(file);
      const req = new Request(`http://atrium.test/api/v1/integrations/shopify/${source.id}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-shopify-topic": topic,
          "x-shopify-hmac-sha256": signBody(body, secret),
          "x-shopify-webhook-id": `journey-${topic}-${Date.now()}`,
          "x-shopify-shop-domain": "example.myshopify.com",
        },
        body,
      });
      const res = await (
        await handlerOf(integrations.receiveShopifyWebhookEndpoint)
      )(req, {
        params: Promise.resolve({ sourceId: source.id }),
      });
      expect(res.status).toBe(200);
    }
    // Deliveries are answered as queued: the processing job writes the export.
    await settleJobs(ws);
    const list = await call<{ data: { id: string; topic: string }[] }>(integrations.listWebhookDeliveriesEndpoint, {
      ws,
      headers: admin,
      params: { id: source.id },
    });
    expect(list.status).toBe(200);
    const request = list.body.data.find((d) => d.topic === "customers/data_request");
    expect(request).toBeDefined();
    const exported = await call(integrations.getDataRequestExportEndpoint, {
      ws,
      headers: admin,
      params: { id: source.id, deliveryId: request!.id },
    });
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.body)).toContain("bob@biller.com");
  });

  it("webhooks and automations are deleted, and an automation read back", async () => {
    const { ws, admin } = await workspaceWithAdmin("Contract activation");
    const hook = await call<Body>(webhooks.createWebhookEndpoint, {
      ws,
      headers: admin,
      body: { url: "http://127.0.0.1:9/journey", events: ["customer.created"] },
    });
    expect(hook.status).toBe(201);
    expect(
      (await call(webhooks.deleteWebhookEndpoint, { ws, headers: admin, params: { id: hook.body.id } })).status,
    ).toBe(204);

    const automation = await call<Body>(automations.createAutomationEndpoint, {
      ws,
      headers: admin,
      body: {
        name: "Tag buyers",
        trigger: { eventType: "completedOrder", customers: "known" },
        actions: [{ type: "addTag", tag: "buyer" }],
      },
    });
    expect(automation.status).toBe(201);
    const params = { id: automation.body.id };
    const read = await call(automations.getAutomationEndpoint, { ws, headers: admin, params });
    expect(read.body.name).toBe("Tag buyers");
    expect((await call(automations.deleteAutomationEndpoint, { ws, headers: admin, params })).status).toBe(204);
    expect((await call(automations.getAutomationEndpoint, { ws, headers: admin, params })).status).toBe(404);
  });
});
