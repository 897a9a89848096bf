// The embedded PostgreSQL's roles and their generated passwords, kept in a 0600 file next to its data
// directory (e.g. .data/postgres.credentials.json). There is no fixed password: each cluster gets its own at
// first start. A cluster made before this file existed had the superuser atrium/atrium: its password is
// replaced by a generated one at the next start.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { z } from "zod";

const ZRole = z.object({ name: z.string().min(1), password: z.string().min(1) });
const ZCredentials = z.object({ superuser: ZRole, owner: ZRole, runtime: ZRole });
export type EmbeddedCredentials = z.infer<typeof ZCredentials>;
export type EmbeddedRole = z.infer<typeof ZRole>;

/** The superuser of clusters initialised before credentials were generated. */
export const LEGACY_SUPERUSER: EmbeddedRole = { name: "atrium", password: "atrium" };

export const generatePassword = () => randomBytes(24).toString("base64url");

export function credentialsFileFor(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}.credentials.json`;
}

export function readCredentials(file: string): EmbeddedCredentials | null {
  if (!existsSync(file)) return null;
  const parsed = ZCredentials.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a valid credentials file: ${parsed.error.message}`);
  return parsed.data;
}

export function writeCredentials(file: string, credentials: EmbeddedCredentials): void {
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * Credentials for a new cluster (superuser postgres, owner atrium, runtime atrium_runtime), or for a legacy
 * one whose superuser atrium stays its owner (it owns every object already) and gets a new password.
 */
export function newCredentials(legacy: boolean): EmbeddedCredentials {
  const superuser = { name: legacy ? LEGACY_SUPERUSER.name : "postgres", password: generatePassword() };
  return {
    superuser,
    owner: legacy ? superuser : { name: "atrium", password: generatePassword() },
    runtime: { name: "atrium_runtime", password: generatePassword() },
  };
}
