// Where Atrium is reachable and how the UI's OAuth2 client is registered.
export const ADMIN_CLIENT_ID = "atrium-admin";
export const OAUTH_MOUNT = "/oauth";

/** The public base URL (scheme, host, port) browsers use; PUBLIC_URL, else NEXTAUTH_URL, else localhost:PORT. */
export function publicUrl(): string {
  const configured = process.env.PUBLIC_URL ?? process.env.NEXTAUTH_URL;
  return (configured ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

export const issuerUrl = () => `${publicUrl()}${OAUTH_MOUNT}`;
export const adminRedirectUri = () => `${publicUrl()}/api/auth/callback/atrium`;

/** An external OIDC issuer replaces the built-in one for people signing in to the UI. */
export function externalIssuer(): { issuer: string; clientId: string; clientSecret: string } | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (!OIDC_ISSUER) return null;
  if (!OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET)
    throw new Error("OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET");
  return { issuer: OIDC_ISSUER, clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET };
}
