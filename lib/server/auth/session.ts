// The admin UI's session: NextAuth's encrypted JWT cookie, decoded with the installation's secret, and
// refused once its session was signed out.
import { decode } from "next-auth/jwt";
import { db } from "@/lib/server/db/client";
import type { Principal } from "@/lib/server/core/principal";
import { isSessionRevoked } from "./session-revocation";

const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function readCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

/** NextAuth splits large cookies into name.0, name.1, … */
function sessionCookie(cookies: Map<string, string>): string | null {
  for (const name of COOKIE_NAMES) {
    if (cookies.has(name)) return cookies.get(name)!;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return null;
}

export async function principalFromSession(req: Request): Promise<Principal | null> {
  const value = sessionCookie(readCookies(req.headers.get("cookie")));
  const secret = process.env.NEXTAUTH_SECRET;
  if (!value || !secret) return null;
  const token = await decode({ token: value, secret }).catch(() => null);
  if (!token || typeof token.uid !== "string") return null;
  // Signed out: the cookie may still decode, but its session is over (session-revocation.ts).
  if (await isSessionRevoked(token)) return null;
  const user = await db().user.findUnique({ where: { id: token.uid }, select: { id: true, email: true, name: true } });
  return user ? { type: "user", userId: user.id, email: user.email, name: user.name } : null;
}
