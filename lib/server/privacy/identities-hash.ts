// The pseudonym an erasure record keeps of the erased identities: one HMAC-SHA-256 (a SHA-256 salted
// with the installation's secret erasureSalt) per normalised identity, sorted. Without the salt nobody
// can test guesses against it; with it, a data protection officer can answer "was this e-mail erased?"
// (e.g. before re-importing an old list) without Atrium keeping the e-mail itself.
import { createHmac } from "node:crypto";

export function hashIdentities(salt: string, identities: { type: string; value: string }[]): string | null {
  if (identities.length === 0) return null;
  const hashes = identities.map(({ type, value }) =>
    createHmac("sha256", salt).update(`${type}:${value}`).digest("hex"),
  );
  return [...new Set(hashes)].sort().join(",");
}
