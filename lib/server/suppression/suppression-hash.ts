// The one-way form of an identity kept after erasure: HMAC-SHA-256 keyed with the installation's secret
// erasure salt over "type:normalised value". Without the salt nobody can test guesses against it; with it,
// the server recognises the identity when it comes back (suppression) and a data protection officer can
// answer "was this e-mail erased?" without Atrium keeping the e-mail.
import { createHmac } from "node:crypto";

export function suppressionHash(salt: string, type: string, value: string): string {
  return createHmac("sha256", salt).update(`${type}:${value}`).digest("hex");
}
