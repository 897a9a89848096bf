// The HTTP server: the OAuth2 authorization server at /oauth, and Next.js (the REST API, NextAuth and
// the admin app's shell) for everything else. Every instance also runs a job worker (lib/server/jobs),
// unless ATRIUM_WORKER=off.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { applySecurityHeaders } from "./security-headers";
import { OAUTH_MOUNT, publicUrl } from "@/lib/server/auth/oidc/config";
import { createOAuthMount } from "@/lib/server/auth/oidc/mount";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { startJobWorker } from "@/lib/server/jobs/worker";
import { log } from "@/lib/server/log";
import { resumeCampaigns } from "@/lib/server/send/resume-campaigns";
import { ROOT_DIR } from "./database";
import { jobTaskList } from "./job-tasks";
import { isDecodablePath, refuseMalformedPath } from "./malformed-path";

/** Handlers mounted ahead of Next by path prefix (e.g. the OAuth2 server at /oauth). */
export type PrefixHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Runs first; true when it answered (CORS preflights, methods the admin app's pages do not take). */
export type FrontDoor = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** RFC 8414 / OIDC discovery at the root, answered by the authorization server mounted at /oauth. */
const DISCOVERY_PATHS = new Set([
  "/.well-known/oauth-authorization-server",
  `/.well-known/oauth-authorization-server${OAUTH_MOUNT}`,
  "/.well-known/openid-configuration",
  `/.well-known/openid-configuration${OAUTH_MOUNT}`,
]);

export async function startHttpServer(options: {
  port: number;
  hostname: string;
  dev: boolean;
  mounts?: Record<string, PrefixHandler>;
  frontDoor?: FrontDoor;
}): Promise<{ url: string; close: () => Promise<void> }> {
  // Secrets shared by the authorization server and NextAuth (which reads them from the environment).
  process.env.PORT ??= String(options.port);
  const secrets = await loadInstallationSecrets();
  process.env.NEXTAUTH_SECRET ??= secrets.nextAuthSecret;
  process.env.ATRIUM_ADMIN_CLIENT_SECRET ??= secrets.adminClientSecret;
  process.env.NEXTAUTH_URL ??= publicUrl();
  const app = next({ dev: options.dev, dir: ROOT_DIR, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const mounts = Object.entries({ [OAUTH_MOUNT]: await createOAuthMount(), ...options.mounts });
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    applySecurityHeaders(req, res);
    if (!isDecodablePath(req.url ?? "/")) return refuseMalformedPath(res);
    const path = req.url?.split("?")[0] ?? "/";
    if (DISCOVERY_PATHS.has(path) && (req.method === "GET" || req.method === "HEAD"))
      req.url = `${OAUTH_MOUNT}/.well-known/openid-configuration`;
    if (options.frontDoor && (await options.frontDoor(req, res))) return;
    const mount = mounts.find(
      ([prefix]) => req.url === prefix || req.url?.startsWith(`${prefix}/`) || req.url?.startsWith(`${prefix}?`),
    );
    await (mount ? mount[1](req, res) : handle(req, res));
  };
  const server = createServer((req, res) => {
    const pending = route(req, res);
    Promise.resolve(pending).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Keep-alive outlives the idle timeout of common load balancers and client pools (60 s), so that the
  // server is never the side closing a connection a client is about to reuse ("socket hang up"); the
  // headers timeout must exceed it (Node's rule). Both can be tuned; docs/api.md states them.
  server.keepAliveTimeout = Number(process.env.ATRIUM_KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
  server.headersTimeout = Math.max(
    Number(process.env.ATRIUM_HEADERS_TIMEOUT_MS ?? 66_000),
    server.keepAliveTimeout + 1_000,
  );
  server.requestTimeout = Number(process.env.ATRIUM_REQUEST_TIMEOUT_MS ?? 120_000);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const worker =
    process.env.ATRIUM_WORKER === "off" || !process.env.DATABASE_URL
      ? null
      : await startJobWorker({ connectionString: process.env.DATABASE_URL, tasks: jobTaskList() });
  // A send cut off by a crash resumes now, not when the queue frees the dead worker's job (hours later).
  if (worker)
    await resumeCampaigns().catch((error: unknown) => log.error({ err: error }, "Could not resume campaigns"));
  const shownHost = options.hostname === "0.0.0.0" ? "localhost" : options.hostname;
  return {
    url: `http://${shownHost}:${options.port}`,
    close: async () => {
      // Running jobs finish first; the queue hands unfinished ones to another worker later.
      await worker?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
