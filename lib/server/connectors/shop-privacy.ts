// Shopify's mandatory privacy webhooks. customers/data_request: the person's export, kept on the delivery
// for the workspace admins to send to the shop owner; customers/redact: erasure of that person;
// shop/redact (48 h after a shop uninstalls): erasure of the customers only this source knows. Each
// erasure and export is audited by the privacy services themselves.
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { exportCustomer } from "@/lib/server/privacy/export-customer";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { matchableIdentityValue } from "@/lib/server/identity/normalize";
import { obj, str } from "./shop-records";
import { findShopCustomer } from "./write-shop-customer";
import { sourceActor, type ShopSource } from "./shop-source";

/** The person a privacy request names: by the shop's customer id, else by e-mail. */
async function personOf(source: ShopSource, payload: Record<string, unknown>): Promise<string | null> {
  const customer = obj(payload.customer);
  const shopId = str(customer.id);
  const byShopId = shopId ? await findShopCustomer(source, shopId) : null;
  if (byShopId) return byShopId;
  const email = str(customer.email);
  const value = email ? matchableIdentityValue("email", email, {}) : null;
  if (!value) return null;
  const identity = await db().identity.findUnique({
    where: { workspaceId_type_value: { workspaceId: source.workspaceId, type: "email", value } },
    select: { customerId: true },
  });
  return identity ? resolveCustomerId(source.workspaceId, identity.customerId) : null;
}

export async function shopifyDataRequest(source: ShopSource, payload: Record<string, unknown>, requestId?: string) {
  const customerId = await personOf(source, payload);
  if (!customerId) return { result: { found: false }, export: null };
  const response = await exportCustomer({
    workspaceId: source.workspaceId,
    customerId,
    actor: sourceActor(source),
    // The shop's data request is answered to the workspace's admins, who hold every permission.
    includeRegistry: true,
    requestId,
  });
  const document = JSON.parse(await response.text()) as Record<string, unknown>;
  return {
    result: { found: true, customerId, dataRequestId: str(obj(payload.data_request).id) },
    export: document,
  };
}

export async function shopifyCustomerRedact(source: ShopSource, payload: Record<string, unknown>, requestId?: string) {
  const customerId = await personOf(source, payload);
  if (!customerId) return { found: false };
  await eraseCustomer({ workspaceId: source.workspaceId, customerId, actor: sourceActor(source), requestId });
  return { found: true, erased: [customerId] };
}

export async function shopRedact(source: ShopSource, requestId?: string) {
  const { workspaceId } = source;
  // Customers linked to this source and to no other.
  const rows = await db().$queryRaw<{ customerId: string }[]>`
    SELECT cs."customerId"::text AS "customerId" FROM "CustomerSource" cs
     WHERE cs."workspaceId" = ${workspaceId}::uuid AND cs."sourceId" = ${source.id}::uuid
       AND NOT EXISTS (SELECT 1 FROM "CustomerSource" o
                        WHERE o."workspaceId" = cs."workspaceId" AND o."customerId" = cs."customerId"
                          AND o."sourceId" <> cs."sourceId")`;
  const erased: string[] = [];
  for (const { customerId } of rows) {
    await eraseCustomer({ workspaceId, customerId, actor: sourceActor(source), requestId });
    erased.push(customerId);
  }
  return { erased: erased.length };
}
