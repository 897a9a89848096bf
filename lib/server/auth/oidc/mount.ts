// Mounts the authorization server at /oauth in front of Next.js (see lib/server/runtime/http-server.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { deleteExpiredRevocations } from "@/lib/server/auth/session-revocation";
import { deleteExpiredOidcRows } from "./adapter";
import { OAUTH_MOUNT } from "./config";
import { handleInteraction } from "./interactions";
import { createOidcProvider } from "./provider";

export async function createOAuthMount(): Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>> {
  const provider = createOidcProvider(await loadInstallationSecrets());
  const callback = provider.callback();
  const cleanup = setInterval(
    () => {
      void deleteExpiredOidcRows().catch(() => {});
      void deleteExpiredRevocations().catch(() => {});
    },
    60 * 60 * 1000,
  );
  cleanup.unref();
  return async (req, res) => {
    if (req.url?.startsWith(`${OAUTH_MOUNT}/interaction/`)) return handleInteraction(provider, req, res);
    // oidc-provider routes relative to its mount path and derives that path from originalUrl.
    Object.assign(req, { originalUrl: req.url });
    req.url = req.url!.slice(OAUTH_MOUNT.length) || "/";
    await callback(req, res);
  };
}
