// Server-side revocation of the admin app's sessions. NextAuth's sessions are encrypted JWT cookies
// (strategy "jwt"), valid by themselves until they expire: signing out only asked the browser to drop the
// cookie, so a copy kept working for up to 12 hours. Now each session gets an id when it starts (`sid`, kept
// across NextAuth's re-issues of the cookie); signing out records that id in "RevokedSession" and every
// check of a session cookie refuses a recorded id. A cookie without `sid` (issued before this) is known by
// its `jti`.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db/client";

/** The decoded cookie: NextAuth's JWT claims (sid, jti, uid, exp are the ones read here). */
type SessionToken = Record<string, unknown>;

export const newSessionId = (): string => randomUUID();

export function sessionIdOf(token: SessionToken): string | null {
  const id = typeof token.sid === "string" ? token.sid : typeof token.jti === "string" ? token.jti : null;
  return id && id.length <= 200 ? id : null;
}

/** True when the session was ended by signing out (or carries no id at all). */
export async function isSessionRevoked(token: SessionToken): Promise<boolean> {
  const id = sessionIdOf(token);
  if (!id) return true;
  const row = await db().revokedSession.findUnique({ where: { id }, select: { id: true } });
  return row !== null;
}

/** Signing out: the session's id is refused from now on, until the cookie would have expired anyway. */
export async function revokeSession(token: SessionToken, maxAgeSeconds: number): Promise<void> {
  const id = sessionIdOf(token);
  if (!id || typeof token.uid !== "string") return;
  const expiresAt =
    typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + maxAgeSeconds * 1000);
  // Every re-issued cookie of the session expires later than the one signing out: keep the id for the
  // longest a cookie can live from now.
  const latest = new Date(Math.max(expiresAt.getTime(), Date.now() + maxAgeSeconds * 1000));
  await db().revokedSession.upsert({
    where: { id },
    create: { id, userId: token.uid, expiresAt: latest },
    update: {},
  });
}

/** Rows whose cookies have expired are no longer needed (run with the other clean-ups). */
export async function deleteExpiredRevocations(): Promise<number> {
  const { count } = await db().revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
