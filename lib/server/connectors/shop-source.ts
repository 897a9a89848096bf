// The shop source a webhook names, with its decrypted signing secret. Receivers know only the source id
// (the shop's URL carries no workspace), hence the lookup by id alone (indexed).
import type { ShopSourceType } from "@/lib/schemas/sources";
import type { Actor } from "@/lib/server/audit/record-audit";
import type { Principal } from "@/lib/server/core/principal";
import { db } from "@/lib/server/db/client";
import { ingestQuery } from "@/lib/server/events/ingest-transaction";
import { isUuid } from "@/lib/server/db/ids";
import { decryptSourceSecret } from "@/lib/server/settings/secret-box";
import { toApiSourceType, toDbSourceType } from "@/lib/server/sources/source-types";

export interface ShopSource {
  workspaceId: string;
  id: string;
  name: string;
  type: ShopSourceType;
  secret: string;
}

// Decrypted secrets by (source, ciphertext): a changed secret is a new key, so a stale entry is never used;
// at hundreds of deliveries a second the decryption (and the key read behind it) is paid once per source.
const secrets = new Map<string, string>();

async function secretOf(sourceId: string, stored: string): Promise<string | null> {
  const key = `${sourceId}:${stored}`;
  const cached = secrets.get(key);
  if (cached !== undefined) return cached;
  const secret = await decryptSourceSecret(stored, sourceId);
  if (secret === null) return null;
  if (secrets.size >= 1000) secrets.clear();
  secrets.set(key, secret);
  return secret;
}

/** The receivers' lookup, on every delivery: one indexed read on the plain pool (no Prisma interpreter, bench/shopify.ts). */
export async function loadShopSource(type: ShopSourceType, sourceId: string): Promise<ShopSource | null> {
  if (!isUuid(sourceId)) return null;
  const [row] = await ingestQuery<{
    workspaceId: string;
    id: string;
    name: string;
    signingSecretEncrypted: string | null;
  }>(
    `SELECT "workspaceId"::text AS "workspaceId", id::text AS id, name, "signingSecretEncrypted"
       FROM "Source" WHERE id = $1::uuid AND type = $2::"SourceType"`,
    [sourceId, toDbSourceType(type)],
  );
  if (!row?.signingSecretEncrypted) return null;
  const secret = await secretOf(row.id, row.signingSecretEncrypted);
  return secret === null ? null : { workspaceId: row.workspaceId, id: row.id, name: row.name, type, secret };
}

/** The shop source of a queued delivery's job (scoped by its workspace); null once deleted. */
export async function loadShopSourceIn(workspaceId: string, sourceId: string): Promise<ShopSource | null> {
  const row = await db().source.findUnique({ where: { workspaceId_id: { workspaceId, id: sourceId } } });
  if (!row?.signingSecretEncrypted) return null;
  const type = toApiSourceType(row.type);
  if (type !== "shopify" && type !== "woocommerce") return null;
  const secret = await secretOf(row.id, row.signingSecretEncrypted);
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
