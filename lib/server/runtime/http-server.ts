// The HTTP server: the OAuth2 authorization server at /oauth, and Next.js (the REST API, NextAuth and
// the admin app's shell) for everything else. Every instance also runs a job worker (lib/server/jobs),
// unless ATRIUM_WORKER=off.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { OAUTH_MOUNT, publicUrl } from "@/lib/server/auth/oidc/config";
import { createOAuthMount } from "@/lib/server/auth/oidc/mount";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { startJobWorker } from "@/lib/server/jobs/worker";
import { ROOT_DIR } from "./database";
import { jobTaskList } from "./job-tasks";

/** Handlers mounted ahead of Next by path prefix (e.g. the OAuth2 server at /oauth). */
export type PrefixHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startHttpServer(options: {
  port: number;
  hostname: string;
  dev: boolean;
  mounts?: Record<string, PrefixHandler>;
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
  const server = createServer((req, res) => {
    const mount = mounts.find(
      ([prefix]) => req.url === prefix || req.url?.startsWith(`${prefix}/`) || req.url?.startsWith(`${prefix}?`),
    );
    const pending = mount ? mount[1](req, res) : handle(req, res);
    Promise.resolve(pending).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  const worker =
    process.env.ATRIUM_WORKER === "off" || !process.env.DATABASE_URL
      ? null
      : await startJobWorker({ connectionString: process.env.DATABASE_URL, tasks: jobTaskList() });
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
