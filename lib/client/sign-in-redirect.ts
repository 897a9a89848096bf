// Where the SPA sends someone whose session is missing or expired. Signing in is a server flow (NextAuth →
// the authorization server at /oauth), so this is a full page load, not a client-side route.
import { ApiError } from "./api-client";

/** The app's own path to come back to after signing in; anything that is not a local path becomes "/". */
export function signInUrl(returnTo: string): string {
  // "//evil.example" is a protocol-relative URL, not a local path: never offer it as a callback.
  const local = returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
  return `/signin?callbackUrl=${encodeURIComponent(local)}`;
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

let redirecting = false;

/** Leaves the SPA for the sign-in flow, once: many queries can fail with 401 at the same moment. */
export function redirectToSignIn(): void {
  if (redirecting || typeof window === "undefined") return;
  redirecting = true;
  const { pathname, search, hash } = window.location;
  window.location.assign(signInUrl(`${pathname}${search}${hash}`));
}
