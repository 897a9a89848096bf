// /api/auth/* — NextAuth (sign-in callback, session, sign-out) for the admin UI.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/next-auth-options";

export const dynamic = "force-dynamic";

// Options are built per request so that secrets loaded at server start (process.env) are seen.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
