// The HTTP server: Next.js (the REST API and the admin app's shell). The OAuth2 authorization server is
// mounted in front of it at /oauth by the authentication module.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { ROOT_DIR } from "./database";

/** Handlers mounted ahead of Next by path prefix (e.g. the OAuth2 server at /oauth). */
export type PrefixHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export async function startHttpServer(options: {
  port: number;
  hostname: string;
  dev: boolean;
  mounts?: Record<string, PrefixHandler>;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const app = next({ dev: options.dev, dir: ROOT_DIR, hostname: options.hostname, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const mounts = Object.entries(options.mounts ?? {});
  const server = createServer((req, res) => {
    const mount = mounts.find(([prefix]) => req.url === prefix || req.url?.startsWith(`${prefix}/`) || req.url?.startsWith(`${prefix}?`));
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
  const shownHost = options.hostname === "0.0.0.0" ? "localhost" : options.hostname;
  return {
    url: `http://${shownHost}:${options.port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}
