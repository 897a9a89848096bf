// One real HTTP server for route handlers under test: node:http request → Web Request → the route handler
// the endpoint registry names for it (lib/schemas/match-endpoint.ts, Next's routing rules) → the Web
// Response written back. The API kit (api-server.ts), the limits kit (instance-server.ts) and the tracking
// kit (tracking-server.ts) are this server with their own hooks. Next itself is left out; the route handlers
// are the production ones.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EndpointMatch, RoutedEndpoint } from "@/lib/schemas/match-endpoint";
import type { Handler } from "@/test/route-modules";

export interface RouteServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** The Web Request for a node:http request, its body read whole. */
export async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Answers a request with the route handler of the endpoint `match` finds, as Next would: 404 when no route
 * has the path, 405 with Allow when the route does not take the method. `call` runs the handler (to check
 * or record its answer).
 */
export function routeDispatch<E extends RoutedEndpoint>(
  match: (pathname: string, method: string) => EndpointMatch<E> | null,
  handlerOf: (endpoint: E) => Promise<Handler>,
  call: (endpoint: E, run: () => Promise<Response>) => Promise<Response> = (_, run) => run(),
): (request: Request) => Promise<Response> {
  return async (request) => {
    const found = match(new URL(request.url).pathname, request.method);
    if (!found) return new Response("no such route in the kit", { status: 404 });
    const { endpoint, params } = found;
    if (!endpoint) return new Response(null, { status: 405, headers: { allow: found.methods.join(", ") } });
    const handler = await handlerOf(endpoint);
    return call(endpoint, () => handler(request, { params: Promise.resolve(params) }));
  };
}

export interface RouteServerOptions {
  /** The answer to a request (routeDispatch, or anything else). */
  dispatch: (request: Request) => Promise<Response>;
  /** Runs first on the raw request: true when it answered it itself (a mount such as the OAuth server's). */
  intercept?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** A dispatch that threw; the request is answered `failureStatus`. Default: logged. */
  onError?: (error: unknown) => void;
  failureStatus?: number;
}

export async function startRouteServer({
  dispatch,
  intercept,
  onError = (error) => console.error(error),
  failureStatus = 500,
}: RouteServerOptions): Promise<RouteServer> {
  let base = "";
  const server = createServer((req, res) => {
    void (async () => {
      if (intercept && (await intercept(req, res))) return;
      await writeResponse(res, await dispatch(await toRequest(req, base)));
    })().catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(failureStatus).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
