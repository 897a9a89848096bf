// The suppression list: addresses never sent to again (hard bounce, complaint, unsubscribe). Kept as a
// keyed hash of the normalised address, so the list holds no address and survives an erasure without
// keeping personal data, yet still stops a re-imported address.
import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SuppressionReason } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The salt of the hashes: derived from the signing key, so it is secret too. */
export function suppressionSalt(key: Buffer): string {
  return createHash("sha256").update(key).update("suppress").digest("hex");
}

/** sha256(salt ‖ address), hex: the same as suppressionHashSql computes in the database. */
export function emailHash(key: Buffer, email: string): string {
  return createHash("sha256")
    .update(`${suppressionSalt(key)}${normalizeEmail(email)}`, "utf8")
    .digest("hex");
}

/** emailHash in SQL over an e-mail expression, for set-based audience queries. */
export function suppressionHashSql(key: Buffer, email: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`encode(sha256(convert_to(${suppressionSalt(key)} || lower(btrim(${email})), 'UTF8')), 'hex')`;
}

export async function suppressEmail(
  tx: Pick<Tx, "sendSuppression">,
  input: { workspaceId: string; key: Buffer; email: string; reason: SuppressionReason; campaignId?: string | null },
): Promise<void> {
  await tx.sendSuppression.createMany({
    data: [
      {
        workspaceId: input.workspaceId,
        emailHash: emailHash(input.key, input.email),
        reason: input.reason,
        campaignId: input.campaignId ?? null,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * Erasure (inside its transaction, before the profiles go): every address the person was known or
 * mailed by (her profiles' e-mail, her e-mail identities, the addresses of her campaign messages) is
 * suppressed as ERASED, so a re-imported copy of her is never mailed. Only the keyed hash stays.
 */
export async function suppressErasedAddresses(
  tx: Pick<Tx, "$executeRaw">,
  input: { workspaceId: string; customerIds: string[]; key: Buffer },
): Promise<number> {
  const { workspaceId, customerIds, key } = input;
  if (customerIds.length === 0) return 0;
  const ids = Prisma.sql`${customerIds}::uuid[]`;
  return tx.$executeRaw`
    INSERT INTO "SendSuppression" ("workspaceId", "emailHash", reason)
    SELECT DISTINCT ${workspaceId}::uuid, ${suppressionHashSql(key, Prisma.sql`a.email`)}, 'ERASED'::"SuppressionReason"
      FROM (SELECT c.base #>> '{contacts,email}' AS email FROM "Customer" c
             WHERE c."workspaceId" = ${workspaceId}::uuid AND c.id = ANY(${ids})
            UNION SELECT i.value FROM "Identity" i
             WHERE i."workspaceId" = ${workspaceId}::uuid AND i."customerId" = ANY(${ids}) AND i.type = 'email'
            UNION SELECT r.email FROM "CampaignRecipient" r
             WHERE r."workspaceId" = ${workspaceId}::uuid AND r."customerId" = ANY(${ids})) a
     WHERE NULLIF(btrim(a.email), '') IS NOT NULL
    ON CONFLICT ("workspaceId", "emailHash") DO NOTHING`;
}
