// The shop source a webhook names, with its decrypted signing secret. Receivers know only the source id
// (the shop's URL carries no workspace), hence the lookup by id alone (indexed).
import type { ShopSourceType } from "@/lib/schemas/sources";
import type { Actor } from "@/lib/server/audit/record-audit";
import type { Principal } from "@/lib/server/core/principal";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decryptSourceSecret } from "@/lib/server/settings/secret-box";
import { toDbSourceType } from "@/lib/server/sources/source-types";

export interface ShopSource {
  workspaceId: string;
  id: string;
  name: string;
  type: ShopSourceType;
  secret: string;
}

export async function loadShopSource(type: ShopSourceType, sourceId: string): Promise<ShopSource | null> {
  if (!isUuid(sourceId)) return null;
  const row = await db().source.findFirst({ where: { id: sourceId, type: toDbSourceType(type) } });
  if (!row?.signingSecretEncrypted) return null;
  const secret = await decryptSourceSecret(row.signingSecretEncrypted, row.id);
  return secret === null ? null : { workspaceId: row.workspaceId, id: row.id, name: row.name, type, secret };
}

/** Webhook writes act as the source, like its write key would. */
export function sourcePrincipal(source: ShopSource): Principal {
  return {
    type: "writeKey",
    sourceId: source.id,
    sourceName: source.name,
    sourceType: toDbSourceType(source.type),
    workspaceId: source.workspaceId,
  };
}

export function sourceActor(source: ShopSource): Actor {
  return { type: "SOURCE", id: source.id, name: source.name };
}

/** The identity type of this shop's customer ids: per source, since two shops number customers independently. */
export function shopIdentityType(source: Pick<ShopSource, "id" | "type">): string {
  return `custom:${source.type}.${source.id.replaceAll("-", "")}`;
}

/** Event idempotency keys: one order is one completedOrder whichever of orders/create and orders/paid comes first. */
export function shopMessageId(source: Pick<ShopSource, "id">, kind: string, id: string): string {
  return `shop:${source.id}:${kind}:${id}`;
}
