// Most orders come from returning buyers whose shop id already names them and whose details have not
// changed: resolution would lock, re-read and rewrite the same profile (25 statements) and record an
// update that changes nothing. For a batch's buyers this finds those, set-based: the owner of the shop id
// (active), already linked to this source, already owning every identity the buyer's details name, whose
// profile the write would leave as it is (resolution's own merge rule, applyIncoming) and whose consents
// the shop does not change. They only get their identities' lastSeenAt refreshed, in one statement, as
// resolution would; everyone else goes through writeShopCustomer.
import { Prisma } from "@/lib/generated/prisma/client";
import { applyConsentPatch, diffConsentStates, normalizeState } from "@/lib/server/consents/consent-leaves";
import { asObject, compactObject, type JsonObject } from "@/lib/server/core/json";
import { propertiesOf } from "@/lib/server/customers/customer-properties";
import { unionOf } from "@/lib/server/customers/deep-merge-base";
import { applyIncoming } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { identityCandidates } from "@/lib/server/identity/identity-candidates";
import type { ShopCustomer } from "./shop-records";
import { shopIdentityType, type ShopSource } from "./shop-source";

interface OwnerRow {
  value: string;
  customerId: string;
  externalId: string | null;
  base: unknown;
  extended: unknown;
  tags: string[];
  consents: unknown;
  linked: boolean;
  identities: { type: string; value: string }[] | null;
}

function consentsUnchanged(current: JsonObject, consents: ShopCustomer["consents"]): boolean {
  return consents.every((consent) => {
    const [group, channel, leaf] = consent.key.split(".");
    const leaves = { [group]: { [channel]: { [leaf]: { status: consent.status } } } };
    return diffConsentStates(current, normalizeState(applyConsentPatch(current, leaves))).length === 0;
  });
}

/**
 * `unchanged`: buyer index → customer id, for the buyers whose delivery would change nothing. `known`: the
 * shop ids that name an active customer (the others are new to Atrium, or were merged away).
 */
export async function findUnchangedBuyers(
  source: ShopSource,
  buyers: readonly { index: number; buyer: ShopCustomer }[],
): Promise<{ unchanged: Map<number, string>; known: Set<string> }> {
  const unchanged = new Map<number, string>();
  const values = [...new Set(buyers.flatMap(({ buyer }) => (buyer.shopCustomerId ? [buyer.shopCustomerId] : [])))];
  if (values.length === 0) return { unchanged, known: new Set() };
  const { workspaceId } = source;
  const [rules, rows] = await Promise.all([
    getIdentityRules({ workspaceId }),
    db().$queryRaw<OwnerRow[]>(Prisma.sql`
      SELECT i.value, c.id::text AS "customerId", c."externalId", c.base, c.extended, c.tags, c.consents,
             EXISTS (SELECT 1 FROM "CustomerSource" cs
                      WHERE cs."workspaceId" = c."workspaceId" AND cs."customerId" = c.id
                        AND cs."sourceId" = ${source.id}::uuid) AS linked,
             (SELECT json_agg(json_build_object('type', o.type, 'value', o.value)) FROM "Identity" o
               WHERE o."workspaceId" = c."workspaceId" AND o."customerId" = c.id) AS identities
        FROM "Identity" i
        JOIN "Customer" c ON c."workspaceId" = i."workspaceId" AND c.id = i."customerId" AND c.status = 'ACTIVE'
       WHERE i."workspaceId" = ${workspaceId}::uuid AND i.type = ${shopIdentityType(source)}
         AND i.value = ANY(${values}::text[])`),
  ]);
  const owners = new Map(rows.map((row) => [row.value, row]));
  const touch: { customerId: string; type: string; value: string }[] = [];
  for (const { index, buyer } of buyers) {
    const owner = buyer.shopCustomerId ? owners.get(buyer.shopCustomerId) : undefined;
    if (!owner?.linked) continue;
    const owned = new Set((owner.identities ?? []).map((i) => `${i.type}:${i.value}`));
    const candidates = identityCandidates({ base: buyer.base }, rules);
    if (!candidates.every((c) => owned.has(`${c.type}:${c.value}`))) continue;
    const existing = propertiesOf(owner);
    const incoming = {
      externalId: null,
      base: compactObject(buyer.base as JsonObject),
      extended: {},
      tags: unionOf([], buyer.tags),
      consents: {},
    };
    if (JSON.stringify(applyIncoming(existing, incoming)) !== JSON.stringify(existing)) continue;
    if (!consentsUnchanged(asObject(owner.consents), buyer.consents)) continue;
    unchanged.set(index, owner.customerId);
    for (const c of candidates) touch.push({ customerId: owner.customerId, type: c.type, value: c.value });
  }
  if (touch.length > 0) {
    await db().$executeRaw(Prisma.sql`
      UPDATE "Identity" AS i SET "lastSeenAt" = now()
        FROM unnest(${touch.map((t) => t.customerId)}::uuid[], ${touch.map((t) => t.type)}::text[],
                    ${touch.map((t) => t.value)}::text[]) AS t("customerId", type, value)
       WHERE i."workspaceId" = ${workspaceId}::uuid AND i."customerId" = t."customerId"
         AND i.type = t.type AND i.value = t.value`);
  }
  return { unchanged, known: new Set(owners.keys()) };
}
