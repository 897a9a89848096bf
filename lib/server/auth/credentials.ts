// Checking an e-mail and password. The same work is done whether or not the account exists, so the
// response time does not reveal which e-mail addresses have accounts.
import { db } from "@/lib/server/db/client";
import { hashPassword, verifyPassword } from "./passwords";

let decoyHash: Promise<string> | undefined;

export async function verifyCredentials(
  email: string,
  password: string,
): Promise<{ id: string; email: string; name: string | null } | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    decoyHash ??= hashPassword("decoy password that never matches");
    await verifyPassword(await decoyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
