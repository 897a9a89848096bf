// Decisions the custom HTTP server (lib/server/runtime/http-server.ts) takes before Next.js sees a request:
// CORS preflights of /api and /v1 (cors.ts), and the rule that the admin app's pages answer only GET and
// HEAD. Without it a POST to /v1/batch or to any page path rendered the single-page app with 200 text/html,
// which Segment's libraries took for a delivery: silent data loss.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { ErrorCode } from "@/lib/server/core/errors";
import { matchEndpoint } from "@/lib/schemas/match-endpoint";
import { isPreflight, preflightResponse } from "./cors";
import { ERROR_STATUS, ERROR_TITLE } from "./error-status";

/** Prefixes served by route handlers (any method) rather than by the admin app's pages. */
const HANDLER_PREFIXES = ["/api/", "/v1/", "/oauth/"];

/** A problem+json answer built here, not by problem.ts: this module also runs outside Next (server-only). */
function problem(code: ErrorCode, detail: string, headers: Record<string, string> = {}): Response {
  const status = ERROR_STATUS[code];
  const requestId = randomUUID();
  const body = {
    type: `https://atrium.dev/problems/${code.replaceAll("_", "-")}`,
    title: ERROR_TITLE[code],
    status,
    detail,
    code,
    requestId,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId, ...headers },
  });
}

/** The answer for requests Next must not see, or null to let Next (or a mount) handle it. */
export async function frontDoorResponse(req: Request): Promise<Response | null> {
  const { pathname } = new URL(req.url);
  const handled = HANDLER_PREFIXES.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1));
  if (isPreflight(req) && (pathname.startsWith("/api/") || pathname.startsWith("/v1/"))) return preflightResponse(req);
  if (pathname.startsWith("/.well-known/")) return problem("not_found", `Nothing at ${pathname}`);
  if (pathname === "/v1") return problem("not_found", `No tracking endpoint at ${req.method} ${pathname}`);
  if (!handled && req.method !== "GET" && req.method !== "HEAD") {
    return problem("method_not_allowed", `${req.method} is not allowed on ${pathname}`, { allow: "GET, HEAD" });
  }
  if (pathname.startsWith("/api/v1/") && req.method !== "OPTIONS") {
    // Next answers a method a route file does not export with an empty 405 and no Allow header: answered
    // here first, as a problem naming the methods the path does take (RFC 9110 §15.5.6). A path no
    // endpoint has is left to Next (another route file or the 404 catch-all).
    const route = matchEndpoint(pathname, req.method);
    if (route && !route.endpoint) {
      const list = route.methods.join(", ");
      return problem("method_not_allowed", `${req.method} is not allowed on ${pathname}; it takes ${list}`, {
        allow: list,
      });
    }
  }
  return null;
}

/** Node adapter for the custom server: true when the request was answered here. */
export async function handleFrontDoor(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const response = await frontDoorResponse(
    new Request(new URL(req.url ?? "/", "http://atrium.internal"), { method: req.method, headers }),
  );
  if (!response) return false;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(req.method === "HEAD" ? undefined : Buffer.from(await response.arrayBuffer()));
  return true;
}
