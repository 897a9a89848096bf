// A real HTTP server in front of the API's route handlers for the limits tests, found from the endpoint registry the way Next.js
// finds them (test/route-modules.ts), and stamping the client's address as the production server does
// (lib/server/runtime/http-server.ts; X-Forwarded-For counts with TRUST_PROXY=1). Used in-process, and as
// a second app instance in a child process (api-instance.ts) to show that limits hold across instances.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { endpoints } from "@/lib/schemas/endpoints";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { stampClientAddress } from "@/lib/server/limits/address";
import { routeFileOf } from "@/test/route-modules";

type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The contract's path as a pattern (paths hold only letters, digits, "/", "-" and {params}). */
const matcher = (endpoint: EndpointContract) => new RegExp(`^${endpoint.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`);

// Literal segments win over parameters (…/customers/search before …/customers/{id}), as in Next.js.
const routes = endpoints
  .map((endpoint) => ({ endpoint, pattern: matcher(endpoint), params: endpoint.path.split("{").length }))
  .sort((a, b) => a.params - b.params);

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

async function dispatch(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  for (const { endpoint, pattern } of routes) {
    const match = endpoint.method === req.method ? pattern.exec(pathname) : null;
    if (!match) continue;
    const routeModule = (await import(/* @vite-ignore */ `@/${routeFileOf(endpoint)}`)) as Record<string, Handler>;
    return routeModule[endpoint.method](req, { params: Promise.resolve({ ...match.groups }) });
  }
  return new Response("not found", { status: 404 });
}

export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  let base = "";
  const server = createServer((req, res) => {
    stampClientAddress(req);
    void (async () => {
      const response = await dispatch(await toRequest(req, base));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
