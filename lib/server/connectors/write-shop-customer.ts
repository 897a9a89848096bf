// A shop's customer into Atrium: through identity resolution (the POST /customers service) with the
// shop's customer id kept as an identity of its own, exactly as its digits; consents through the consent
// registry with the shop's evidence. A customer known by its shop id but sent without e-mail or phone is
// updated in place (resolution would otherwise see no identity and create a new person).
import type { CustomerWrite } from "@/lib/schemas/customers";
import { changeConsents } from "@/lib/server/consents/change-consents";
import { applyConsentPatch, diffConsentStates, normalizeState } from "@/lib/server/consents/consent-leaves";
import { asObject } from "@/lib/server/core/json";
import { AppError } from "@/lib/server/core/errors";
import { addCustomerIdentity } from "@/lib/server/customers/add-customer-identity";
import { resolveCustomerWrite } from "@/lib/server/customers/resolve-customer-write";
import { updateCustomer } from "@/lib/server/customers/update-customer";
import { db } from "@/lib/server/db/client";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import type { ShopCustomer } from "./shop-records";
import { shopIdentityType, sourceActor, type ShopSource } from "./shop-source";

export async function findShopCustomer(source: ShopSource, shopCustomerId: string): Promise<string | null> {
  const identity = await db().identity.findUnique({
    where: {
      workspaceId_type_value: {
        workspaceId: source.workspaceId,
        type: shopIdentityType(source),
        value: shopCustomerId,
      },
    },
    select: { customerId: true },
  });
  return identity ? resolveCustomerId(source.workspaceId, identity.customerId) : null;
}

export async function writeShopConsents(
  source: ShopSource,
  customerId: string,
  consents: ShopCustomer["consents"],
  requestId?: string,
): Promise<void> {
  if (consents.length === 0) return;
  // Most orders come from customers whose consent the shop already told us: the registry would record
  // nothing (recordConsentChange's diff is empty), so the transaction is skipped. One indexed read instead.
  const row = await db().customer.findUnique({
    where: { workspaceId_id: { workspaceId: source.workspaceId, id: customerId } },
    select: { consents: true },
  });
  const current = asObject(row?.consents);
  for (const consent of consents) {
    const [group, channel, leaf] = consent.key.split(".");
    const leaves = { [group]: { [channel]: { [leaf]: { status: consent.status } } } };
    if (row && diffConsentStates(current, normalizeState(applyConsentPatch(current, leaves))).length === 0) continue;
    const patch = {
      ...leaves,
      _meta: {
        source: `${source.type} source ${source.name}`,
        evidence: consent.evidence,
        occurredAt: consent.occurredAt,
      },
    };
    try {
      await changeConsents({
        workspaceId: source.workspaceId,
        customerId,
        patch,
        actor: sourceActor(source),
        requestId,
      });
    } catch (error) {
      // An older consent than the registry's newest is history, not news: the newer state stays.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
}

export async function writeShopCustomer(
  source: ShopSource,
  customer: ShopCustomer,
  requestId?: string,
): Promise<{ customerId: string; created: boolean }> {
  const actor = sourceActor(source);
  const { workspaceId } = source;
  const known = customer.shopCustomerId ? await findShopCustomer(source, customer.shopCustomerId) : null;
  const contacts = customer.base.contacts ?? {};
  let customerId: string;
  let created = false;
  if (known && !contacts.email && !contacts.phone) {
    await updateCustomer({
      workspaceId,
      customerId: known,
      change: { mode: "patch", patch: { base: customer.base, ...(customer.tags.length && { tags: customer.tags }) } },
      actor,
      requestId,
    });
    customerId = known;
  } else {
    const write: CustomerWrite = { base: customer.base, sourceId: source.id };
    if (customer.tags.length) write.tags = customer.tags;
    const result = await resolveCustomerWrite({ workspaceId, input: write, actor, requestId });
    customerId = result.customer.id;
    created = result.created;
  }
  if (customer.shopCustomerId && known !== customerId) {
    try {
      await addCustomerIdentity({
        workspaceId,
        customerId,
        input: { type: shopIdentityType(source), value: customer.shopCustomerId, sourceId: source.id },
        actor,
        requestId,
      });
    } catch (error) {
      // Already another customer's (the shop merged two people Atrium keeps apart): leave it there.
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
    }
  }
  await writeShopConsents(source, customerId, customer.consents, requestId);
  return { customerId, created };
}
