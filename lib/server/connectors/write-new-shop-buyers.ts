// Buyers of a batch whose shop id names nobody yet (mostly new people, or guests): their profiles go through
// the import's chunk path (writeCustomerChunk: the plain new people created set-based, anyone matching an
// existing customer by e-mail or phone resolved per row), then, per buyer, what writeShopCustomer adds after
// resolution: the shop id as an identity (audited, suppression-checked; set-based by attachShopIds where
// plain, per buyer otherwise) and the consents with the shop's own evidence and time, which the chunk
// path's one-evidence-per-chunk consents cannot carry (set-based by writeNewBuyerConsents for the customers
// the chunk created, per buyer otherwise).
import type { CustomerWrite } from "@/lib/schemas/customers";
import { AppError } from "@/lib/server/core/errors";
import { addCustomerIdentity } from "@/lib/server/customers/add-customer-identity";
import { loadResolutionContext } from "@/lib/server/customers/resolve-customer-write";
import { mapLimited } from "@/lib/server/imports/map-limited";
import { writeCustomerChunk } from "@/lib/server/imports/write-customer-chunk";
import type { ShopCustomer } from "./shop-records";
import { shopIdentityType, sourceActor, type ShopSource } from "./shop-source";
import { attachShopIds } from "./attach-shop-ids";
import { writeNewBuyerConsents } from "./write-new-buyer-consents";
import { writeShopConsents } from "./write-shop-customer";

export type BuyerResult = { customerId: string } | { error: AppError };

export async function writeNewShopBuyers(
  source: ShopSource,
  buyers: readonly ShopCustomer[],
  inFlight: number,
): Promise<BuyerResult[]> {
  if (buyers.length === 0) return [];
  const { workspaceId } = source;
  const actor = sourceActor(source);
  const writes = buyers.map((buyer): CustomerWrite => ({
    base: buyer.base,
    sourceId: source.id,
    ...(buyer.tags.length && { tags: buyer.tags }),
  }));
  const results = await writeCustomerChunk({
    workspaceId,
    writes,
    actor,
    consentSource: `${source.type} source ${source.name}`,
    preloaded: await loadResolutionContext(workspaceId),
    concurrency: inFlight,
  });
  // The shop ids of the customers the chunk returned, set-based; what that leaves goes per buyer, as before.
  const withShopId = buyers.flatMap((buyer, i) => {
    const id = results[i].status === "rejected" ? undefined : results[i].id;
    return buyer.shopCustomerId && id ? [{ index: i, customerId: id, shopCustomerId: buyer.shopCustomerId }] : [];
  });
  const leftOver = await attachShopIds(source, withShopId, actor);
  const attachOneByOne = new Set(leftOver.map((k) => withShopId[k].index));
  // The consents of the customers the chunk created (no registry history yet), set-based too.
  const created = buyers.flatMap((buyer, i) => {
    const result = results[i];
    return result.status === "created" && result.id && buyer.consents.length > 0
      ? [{ index: i, customerId: result.id, consents: buyer.consents }]
      : [];
  });
  const consentsLeft = await writeNewBuyerConsents(source, created, actor);
  const consentsWritten = new Set(created.map((c) => c.index));
  for (const k of consentsLeft) consentsWritten.delete(created[k].index);
  return mapLimited(buyers, inFlight, async (buyer, i): Promise<BuyerResult> => {
    const result = results[i];
    if (result.status === "rejected" || !result.id) {
      return {
        error: new AppError((result.code ?? "validation_failed") as AppError["code"], result.message ?? "Refused", {
          errors: result.errors,
        }),
      };
    }
    const customerId = result.id;
    try {
      if (buyer.shopCustomerId && attachOneByOne.has(i)) {
        try {
          await addCustomerIdentity({
            workspaceId,
            customerId,
            input: { type: shopIdentityType(source), value: buyer.shopCustomerId, sourceId: source.id },
            actor,
          });
        } catch (error) {
          // Already another customer's (the shop merged two people Atrium keeps apart): leave it there.
          if (!(error instanceof AppError && error.code === "conflict")) throw error;
        }
      }
      if (!consentsWritten.has(i)) await writeShopConsents(source, customerId, buyer.consents);
      return { customerId };
    } catch (error) {
      if (error instanceof AppError && error.code !== "unavailable") return { error };
      throw error;
    }
  });
}
