// Signing out ends both sessions: the app's (NextAuth cookie) and the authorization server's (/oauth),
// otherwise the next "Sign in" would pass straight through without asking for a password.
import { signOut } from "next-auth/react";

/** The admin UI's OAuth2 client id (lib/server/auth/oidc/config.ts; server code cannot be imported here). */
const ADMIN_CLIENT_ID = "atrium-admin";

/**
 * RP-initiated logout at the authorization server: it asks for confirmation on its own page, then sends
 * the browser to `<origin>/` — registered as a post-logout redirect URI in lib/server/auth/oidc/provider.ts.
 */
export function endSessionUrl(origin: string): string {
  const params = new URLSearchParams({
    client_id: ADMIN_CLIENT_ID,
    post_logout_redirect_uri: `${origin.replace(/\/$/, "")}/`,
  });
  return `/oauth/session/end?${params.toString()}`;
}

export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirect: false });
  window.location.assign(endSessionUrl(window.location.origin));
}
