// What every customer write does after setting the properties: identities, source link, and the
// anonymous-to-known step that gives the customer the events its browser sent before it identified.
import type { Tx } from "@/lib/server/db/client";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import { profileFieldOf, type IdentityCandidate } from "@/lib/server/identity/identity-candidates";
import type { CustomerSourceRow, IdentityRow } from "@/lib/server/records/rows";

/**
 * Attaches the identities nobody owns yet and refreshes lastSeenAt of those the customer already has.
 * New ones record the profile field they were read from (derivedFrom), so that they follow it.
 * Identities owned by another customer are left alone (ON CONFLICT DO NOTHING): deciding about those
 * is resolution's job, under the identity locks the caller holds. `owners` (identityKey → customer id,
 * read under those locks) lets the caller skip the statements that would change nothing.
 */
export async function attachIdentities(
  tx: Tx,
  input: {
    workspaceId: string;
    customerId: string;
    identities: IdentityCandidate[];
    sourceId: string | null;
    owners?: Map<string, string>;
  },
): Promise<void> {
  const { workspaceId, customerId, identities, sourceId, owners } = input;
  const unowned = owners ? identities.filter((i) => !owners.has(identityKey(i))) : identities;
  const own = owners ? identities.filter((i) => owners.get(identityKey(i)) === customerId) : identities;
  if (unowned.length > 0) {
    await tx.identity.createMany({
      data: unowned.map(({ type, value }): IdentityRow => ({
        workspaceId,
        customerId,
        type,
        value,
        sourceId,
        derivedFrom: profileFieldOf(type),
      })),
      skipDuplicates: true,
    });
  }
  if (own.length > 0) {
    await tx.identity.updateMany({
      where: { workspaceId, customerId, OR: own.map(({ type, value }) => ({ type, value })) },
      data: { lastSeenAt: new Date() },
    });
  }
}

/**
 * Identities follow the profile: those derived from values the customer's profile no longer holds
 * (`replaced`, see replacedIdentities) are deleted. Identities attached by hand (derivedFrom null) stay,
 * and so do values another customer owns (under NO_CHECK a profile may hold an address someone else owns).
 */
export async function detachReplacedIdentities(
  tx: Tx,
  input: { workspaceId: string; customerId: string; replaced: IdentityCandidate[] },
): Promise<number> {
  const { workspaceId, customerId, replaced } = input;
  if (replaced.length === 0) return 0;
  const { count } = await tx.identity.deleteMany({
    where: {
      workspaceId,
      customerId,
      derivedFrom: { not: null },
      OR: replaced.map(({ type, value }) => ({ type, value })),
    },
  });
  return count;
}

export async function linkSource(
  tx: Tx,
  { workspaceId, customerId, sourceId }: { workspaceId: string; customerId: string; sourceId: string | null },
): Promise<void> {
  if (!sourceId) return;
  const link: CustomerSourceRow = { workspaceId, customerId, sourceId };
  await tx.customerSource.createMany({ data: [link], skipDuplicates: true });
}

/** Anonymous events of any of the customer's anonymous ids become the customer's. */
export async function attachAnonymousEvents(
  tx: Tx,
  { workspaceId, customerId }: { workspaceId: string; customerId: string },
): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Event" SET "customerId" = ${customerId}::uuid
     WHERE "workspaceId" = ${workspaceId}::uuid AND "customerId" IS NULL
       AND "anonymousId" = ANY(ARRAY(
         SELECT value FROM "Identity"
          WHERE "workspaceId" = ${workspaceId}::uuid AND "customerId" = ${customerId}::uuid AND type = 'anonymousId'))`;
}
