// Creating a user who signs in with a password (argon2id-hashed; the password itself is never stored).
import type { User, UserCreate } from "@/lib/schemas/users";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError } from "@/lib/server/core/errors";
import { normalizeEmail } from "./normalize-email";
import { serializeUser } from "./serialize-user";

export async function createUser({ input, actor = SYSTEM_ACTOR }: { input: UserCreate; actor?: Actor }): Promise<User> {
  const email = normalizeEmail(input.email);
  // Hash before opening the transaction: hashing is deliberately slow and needs no database.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.user.create({ data: { email, name: input.name ?? null, passwordHash } });
      await recordAudit(tx, {
        workspaceId: null,
        actor,
        action: "user.created",
        targetType: "user",
        targetId: row.id,
        details: { email },
      });
      return serializeUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A user with the e-mail ${email} already exists`);
    throw error;
  }
}
