// NextAuth, the admin UI's OAuth2 client: authorization code + PKCE against the built-in authorization
// server at /oauth, or against an external OIDC issuer when OIDC_ISSUER is configured.
import type { AuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "@/lib/server/db/client";
import { ADMIN_CLIENT_ID, externalIssuer, issuerUrl } from "./oidc/config";
import { isSessionRevoked, newSessionId, revokeSession } from "./session-revocation";

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function oidcProvider(): OAuthConfig<OidcProfile> {
  const external = externalIssuer();
  // The server fetches discovery from itself; INTERNAL_URL helps when the public URL is not reachable from inside.
  const issuer =
    external?.issuer ??
    (process.env.INTERNAL_URL ? `${process.env.INTERNAL_URL.replace(/\/$/, "")}/oauth` : issuerUrl());
  return {
    id: "atrium",
    name: external ? "Single sign-on" : "Atrium",
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: external?.clientId ?? ADMIN_CLIENT_ID,
    clientSecret: external?.clientSecret ?? process.env.ATRIUM_ADMIN_CLIENT_SECRET ?? "",
    authorization: { params: { scope: external ? "openid email profile" : "openid email profile offline_access" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/** The Atrium user behind a signed-in profile. External issuers are matched by verified e-mail. */
async function atriumUserIdFor(profile: OidcProfile): Promise<string | null> {
  if (!externalIssuer()) return profile.sub;
  if (!profile.email) return null;
  const email = profile.email.trim().toLowerCase();
  const user = await db().user.upsert({ where: { email }, create: { email, name: profile.name ?? null }, update: {} });
  return user.id;
}

export function authOptions(): AuthOptions {
  return {
    providers: [oidcProvider()],
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    events: {
      async signOut({ token }) {
        await revokeSession(token, SESSION_MAX_AGE_SECONDS);
      },
    },
    callbacks: {
      async signIn({ profile }) {
        return Boolean(profile && (await atriumUserIdFor(profile as OidcProfile)));
      },
      async jwt({ token, profile }) {
        if (profile) {
          token.uid = await atriumUserIdFor(profile as OidcProfile);
          // The session's id, carried by every cookie NextAuth re-issues for it (session-revocation.ts).
          token.sid = newSessionId();
          return token;
        }
        // A signed-out session is over: throwing makes NextAuth answer no session and clear the cookie.
        if (await isSessionRevoked(token)) throw new Error("session revoked");
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: typeof token.uid === "string" ? token.uid : undefined };
      },
    },
  };
}
