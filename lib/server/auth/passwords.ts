// Password hashing for people who sign in with a password: argon2id, memory-hard, with the OWASP
// baseline parameters (19 MiB, 2 passes, 1 lane). The PHC string stores its own parameters and salt, so
// hashes made with older parameters keep verifying; `needsRehash` tells when to upgrade one on sign-in.
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 declares Algorithm as an ambient const enum, which isolated modules cannot read: 2 = Argon2id.
const ARGON2ID = 2;
const PARAMETERS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Longest password accepted: hashing cost must not be driven by the caller. */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  if (password.length === 0) throw new Error("Password must not be empty");
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error("Password is too long");
  return hash(password, PARAMETERS);
}

/** True when the password matches; false for a wrong password, a malformed hash or an over-long input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's (rehash it after a successful sign-in). */
export function needsRehash(passwordHash: string): boolean {
  const expected = `$argon2id$v=19$m=${PARAMETERS.memoryCost},t=${PARAMETERS.timeCost},p=${PARAMETERS.parallelism}$`;
  return !passwordHash.startsWith(expected);
}
