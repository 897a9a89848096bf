// The suppression list: after an erasure, her identities cannot bring her back (events and customer
// writes naming them are dropped and counted) until an admin lifts the suppression (audited).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as customers from "@/lib/schemas/customers";
import { createEventEndpoint, createEventBatchEndpoint } from "@/lib/schemas/events";
import {
  eraseCustomerEndpoint,
  liftSuppressionEndpoint,
  listSuppressionsEndpoint,
  type Suppression,
} from "@/lib/schemas/privacy";
import { db } from "@/lib/server/db/client";
import { writeKeyFor } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

describe("suppression of erased identities", () => {
  it("drops and counts events and writes naming them, until an admin lifts it", async () => {
    const w = await workspaceWithAdmin("Suppression");
    const key = headersOf(await writeKeyFor(w.ws));
    const t = randomUUID().slice(0, 8);
    const her = { externalId: `SUP-${t}`, email: `sup-${t}@example.com`, anonymousId: `sup-anon-${t}` };
    const created = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: { externalId: her.externalId, anonymousId: her.anonymousId, base: { contacts: { email: her.email } } },
    });
    expect(created.status).toBe(201);
    const erased = await call(eraseCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: created.body.id },
    });
    expect(erased.status).toBe(204);

    // Her next events: dropped (rejected, nothing stored), one good event in the same batch still stored.
    const batch = await call<{ accepted: number; results: { status: string; errors?: { path: string }[] }[] }>(
      createEventBatchEndpoint,
      {
        ws: w.ws,
        headers: key,
        body: {
          events: [
            { type: "viewedPage", externalId: her.externalId },
            { type: "viewedPage", anonymousId: her.anonymousId },
            { type: "viewedPage", externalId: her.externalId },
            { type: "viewedPage", anonymousId: `someone-else-${t}` },
          ],
        },
      },
    );
    expect(batch.body.results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected", "created"]);
    expect(batch.body.results[0].errors?.[0].path).toBe("externalId");
    const single = await call(createEventEndpoint, {
      ws: w.ws,
      headers: key,
      body: { type: "viewedPage", externalId: her.externalId },
    });
    expect(single.status).toBe(422);
    expect(await db().event.count({ where: { workspaceId: w.ws } })).toBe(1);
    expect(await db().customer.count({ where: { workspaceId: w.ws, externalId: her.externalId } })).toBe(0);

    // A customer write naming her e-mail (in another case): refused, nothing written.
    const again = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: { base: { firstName: "Back", contacts: { email: her.email.toUpperCase() } } },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(await db().customer.count({ where: { workspaceId: w.ws } })).toBe(0);

    // Admins see the list (hashes, types, counts) and can look one identity up by its value.
    const list = await call<{ data: Suppression[] }>(listSuppressionsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: "",
    });
    expect(list.status).toBe(200);
    expect(list.body.data.map((s) => s.type).sort()).toEqual(["anonymousId", "email", "externalId"]);
    expect(JSON.stringify(list.body)).not.toContain(her.email);
    const byType = Object.fromEntries(list.body.data.map((s) => [s.type, s]));
    expect(byType.externalId.droppedCount).toBe(3);
    expect(byType.anonymousId.droppedCount).toBe(1);
    expect(byType.email.droppedCount).toBe(1);
    const lookup = await call<{ data: Suppression[] }>(listSuppressionsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      query: `type=email&value=${encodeURIComponent(her.email.toUpperCase())}`,
    });
    expect(lookup.body.data.map((s) => s.hash)).toEqual([byType.email.hash]);

    // Lifted (audited): the e-mail is accepted again; the external id is still suppressed.
    const lifted = await call(liftSuppressionEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, hash: byType.email.hash },
    });
    expect(lifted.status).toBe(204);
    expect(
      await db().auditEntry.count({
        where: { workspaceId: w.ws, action: "suppression.lifted", targetId: byType.email.hash },
      }),
    ).toBe(1);
    const back = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: { base: { contacts: { email: her.email } } },
    });
    expect(back.status).toBe(201);
    const liftedAgain = await call(liftSuppressionEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, hash: byType.email.hash },
    });
    expect(liftedAgain.status).toBe(404);
    const stillOut = await call(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: key,
      body: { externalId: her.externalId },
    });
    expect(stillOut.status).toBe(409);
  });
});
