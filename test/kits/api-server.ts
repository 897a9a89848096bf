// The whole REST API over real HTTP for clients under test (the Node SDK): the authorization server at /oauth
// (client credentials), every endpoint contract's route handler at its path, found the way Next.js finds it
// (matchEndpoint, test/route-modules.ts), with every answer checked against the OpenAPI document. Next's own
// routing is left out; the route handlers are the production ones (the server itself: route-server.ts).
import type { Server } from "node:http";
import { matchEndpoint } from "@/lib/schemas/match-endpoint";
import { createOAuthMount } from "@/lib/server/auth/oidc/mount";
import { OAUTH_MOUNT } from "@/lib/server/auth/oidc/config";
import { handlerOf } from "@/test/route-modules";
import { routeDispatch, startRouteServer } from "./route-server";

export interface ApiServer {
  url: string;
  server: Server;
  /** Answers that broke the OpenAPI document (each also answered 500). */
  violations: string[];
  /** Requests seen, "METHOD /path" (the token endpoint included). */
  requests: string[];
  close: () => Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const mount: { handle?: Awaited<ReturnType<typeof createOAuthMount>> } = {};
  const violations: string[] = [];
  const requests: string[] = [];
  const { url, server, close } = await startRouteServer({
    intercept: async (req, res) => {
      requests.push(`${req.method} ${req.url?.split("?")[0]}`);
      if (!req.url?.startsWith(`${OAUTH_MOUNT}/`)) return false;
      await mount.handle!(req, res);
      return true;
    },
    // handlerOf's contract check throws on an answer that breaks the document: recorded, then a 500.
    dispatch: routeDispatch(matchEndpoint, handlerOf, (_, run) =>
      run().catch((error: unknown) => {
        violations.push(error instanceof Error ? error.message : String(error));
        throw error;
      }),
    ),
    onError: () => {},
  });
  // The issuer URL contains the port, so the provider is created once the server listens.
  process.env.PUBLIC_URL = url;
  mount.handle = await createOAuthMount();
  return { url, server, violations, requests, close };
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
  const proxy = await startRouteServer({
    dispatch: async (request) => {
      if (state.refused < count) {
        state.refused += 1;
        const body = { type: "about:blank", title: "Busy", status, code: "rate_limited", detail: "Wait" };
        return new Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/problem+json", "retry-after": retryAfter },
        });
      }
      state.forwarded += 1;
      const { pathname, search } = new URL(request.url);
      const forwarded = new Request(`${target}${pathname}${search}`, {
        method: request.method,
        headers: request.headers,
        body: request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer(),
      });
      // Hop-by-hop headers are the proxy's own; fetch sets them again for the next hop.
      for (const name of ["host", "connection", "keep-alive", "content-length", "transfer-encoding"])
        forwarded.headers.delete(name);
      return fetch(forwarded);
    },
    onError: () => {},
    failureStatus: 502,
  });
  state.url = proxy.url;
  state.close = proxy.close;
  return state;
}
