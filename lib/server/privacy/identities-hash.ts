// The pseudonym an erasure record keeps of the erased identities: one HMAC-SHA-256 (suppression-hash.ts)
// per normalised identity, sorted. The same hashes are the suppression list's keys.
import { suppressionHash } from "@/lib/server/suppression/suppression-hash";

export function hashIdentities(salt: string, identities: { type: string; value: string }[]): string | null {
  if (identities.length === 0) return null;
  const hashes = identities.map(({ type, value }) => suppressionHash(salt, type, value));
  return [...new Set(hashes)].sort().join(",");
}
