// Which customers own which of a write's identities.
import type { Tx } from "@/lib/server/db/client";
import type { IdentityCandidate } from "./identity-candidates";

export const identityKey = (identity: { type: string; value: string }) => `${identity.type}\u0000${identity.value}`;

/** identityKey → owning customer id, for the candidates someone owns. */
export async function findIdentityOwners(
  tx: Tx,
  workspaceId: string,
  identities: IdentityCandidate[],
): Promise<Map<string, string>> {
  if (identities.length === 0) return new Map();
  const rows = await tx.identity.findMany({
    where: { workspaceId, OR: identities.map(({ type, value }) => ({ type, value })) },
    select: { type: true, value: true, customerId: true },
  });
  return new Map(rows.map((row) => [identityKey(row), row.customerId]));
}
