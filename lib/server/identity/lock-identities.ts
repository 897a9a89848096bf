// Advisory locks on identities, so that concurrent writes for the same person serialise instead of
// each creating a customer. Held until the transaction ends.
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/server/db/client";

/** A signed 64-bit key from (workspace, type, value); collisions only make two writes wait for each other. */
export function identityLockKey(workspaceId: string, type: string, value: string): bigint {
  const digest = createHash("sha256").update(`identity\u0000${workspaceId}\u0000${type}\u0000${value}`).digest();
  return digest.readBigInt64BE(0);
}

/**
 * The keys to lock, distinct and in ascending order, as text for a `bigint[]` parameter. Every
 * transaction that locks several identities takes them in this order (lockIdentities here, and
 * ingestion on its own connection), so two of them can never wait for each other in a cycle. Sorting
 * the keys rather than the (type, value) pairs keeps that true even when two pairs hash to the same key.
 */
export function orderedIdentityLockKeys(workspaceId: string, identities: { type: string; value: string }[]): string[] {
  const keys = [...new Set(identities.map((i) => identityLockKey(workspaceId, i.type, i.value)))];
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

export async function lockIdentities(
  tx: Tx,
  workspaceId: string,
  identities: { type: string; value: string }[],
): Promise<void> {
  const keys = orderedIdentityLockKeys(workspaceId, identities);
  if (keys.length === 0) return;
  // unnest yields the array in order, so one round trip still locks in that order ($executeRaw: the
  // function returns void, which a row-returning call would have to deserialise).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(k) FROM unnest(${keys}::bigint[]) AS k`;
}
