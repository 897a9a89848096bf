import type { User as UserRow } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { normalizeEmail } from "./normalize-email";

/** The user row (including its password hash, for sign-in), or null. Matching ignores case and spaces. */
export async function findUserByEmail(email: string): Promise<UserRow | null> {
  return db().user.findUnique({ where: { email: normalizeEmail(email) } });
}
