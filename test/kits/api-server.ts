// The whole REST API over real HTTP for clients under test (the Node SDK): the authorization server at /oauth
// (client credentials), every endpoint contract's route handler at its path, found the way Next.js finds it
// (test/route-modules.ts), with every answer checked against the OpenAPI document. Next's own routing is
// left out; the route handlers are the production ones.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import { createOAuthMount } from "@/lib/server/auth/oidc/mount";
import { OAUTH_MOUNT } from "@/lib/server/auth/oidc/config";
import { handlerOf } from "@/test/route-modules";

export interface ApiServer {
  url: string;
  server: Server;
  /** Answers that broke the OpenAPI document (each also answered 500). */
  violations: string[];
  /** Requests seen, "METHOD /path" (the token endpoint included). */
  requests: string[];
  close: () => Promise<void>;
}

/** Literal segments before parameters, so that /customers/batch wins over /customers/{id}. */
const ROUTES = endpoints
  .map((endpoint) => ({
    endpoint,
    names: [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    pattern: new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
    literals: endpoint.path.split("/").filter((s) => !s.startsWith("{")).length,
  }))
  .sort((a, b) => b.literals - a.literals);

function match(
  method: string,
  pathname: string,
): { endpoint: EndpointContract; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    if (route.endpoint.method !== method) continue;
    const found = route.pattern.exec(pathname);
    if (found)
      return {
        endpoint: route.endpoint,
        params: Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])])),
      };
  }
  return null;
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

async function answer(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function startApiServer(): Promise<ApiServer> {
  let base = "";
  const mount: { handle?: Awaited<ReturnType<typeof createOAuthMount>> } = {};
  const violations: string[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      requests.push(`${req.method} ${req.url?.split("?")[0]}`);
      if (req.url?.startsWith(`${OAUTH_MOUNT}/`)) return mount.handle!(req, res);
      const request = await toRequest(req, base);
      const found = match(request.method, new URL(request.url).pathname);
      if (!found) return answer(res, new Response("no such route in the kit", { status: 404 }));
      const handler = await handlerOf(found.endpoint);
      try {
        await answer(res, await handler(request, { params: Promise.resolve(found.params) }));
      } catch (error) {
        violations.push(error instanceof Error ? error.message : String(error));
        throw error;
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The issuer URL contains the port, so the provider is created once the server listens.
  process.env.PUBLIC_URL = base;
  mount.handle = await createOAuthMount();
  return {
    url: base,
    server,
    violations,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A proxy in front of `target` that answers the first `count` requests with `status` (429 or 503) and a
 * Retry-After, as a rate limiter or a restarting instance would, then forwards everything.
 */
export async function startRefusingProxy(
  target: string,
  { count, status, retryAfter }: { count: number; status: number; retryAfter: string },
): Promise<{ url: string; refused: number; forwarded: number; close: () => Promise<void> }> {
  const state = { url: "", refused: 0, forwarded: 0, close: async () => {} };
  const server = createServer((req, res) => {
    void (async () => {
      if (state.refused < count) {
        state.refused += 1;
        req.resume();
        res.writeHead(status, { "content-type": "application/problem+json", "retry-after": retryAfter });
        res.end(JSON.stringify({ type: "about:blank", title: "Busy", status, code: "rate_limited", detail: "Wait" }));
        return;
      }
      state.forwarded += 1;
      const request = await toRequest(req, target);
      // Hop-by-hop headers are the proxy's own; fetch sets them again for the next hop.
      for (const name of ["host", "connection", "keep-alive", "content-length", "transfer-encoding"])
        request.headers.delete(name);
      await answer(res, await fetch(request));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
