// CORS for the API. Write-key endpoints (/v1/* and POST …/customers, …/events, …/events/batch) follow each
// source's allowedOrigins; everything else stays same-origin unless the installation lists origins in
// ATRIUM_CORS_ORIGINS (comma-separated). No cookies are ever granted (no Allow-Credentials): browsers use
// write keys, never a signed-in session, across origins.
//
// Preflights carry no credentials, so the write key is unknown when answering one: a preflight is granted to
// an origin that some source (of the path's workspace, for /api paths) allows, and the write that follows is
// checked against its own key's source (authenticate.ts refuses a foreign origin with 403 and gets no grant).
// Answering preflights only with a known key is impossible: analytics.js sends the key in Authorization or
// the body, which the preflight does not include.
import type { Access, EndpointContract } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import { anySourceAllowsOrigin } from "@/lib/server/sources/origin-allowed";

export const CORS_MAX_AGE_SECONDS = 600;
const ALLOW_HEADERS = "authorization, content-type, x-request-id, x-retry-count";
const EXPOSE_HEADERS =
  "retry-after, x-request-id, location, ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy";

function installationOrigins(): ReadonlySet<string> {
  const raw = process.env.ATRIUM_CORS_ORIGINS ?? "";
  return new Set(
    raw
      .split(",")
      .map((origin) => origin.trim().replace(/\/$/, ""))
      .filter(Boolean),
  );
}

/** Path templates of the /api endpoints a write key may call, as regexes with the workspace id captured. */
const WRITE_KEY_ENDPOINTS = endpoints
  .filter((endpoint: EndpointContract) => endpoint.access.kind === "workspace" && endpoint.access.writeKey)
  .map((endpoint) => ({
    method: endpoint.method,
    pattern: new RegExp(`^${endpoint.path.replace("{ws}", "([^/]+)").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));

/** Whether the request's credentials are a write key (Bearer wk_…, Basic wk_…:, or none yet on /v1). */
function sendsWriteKey(req: Request): boolean {
  const header = req.headers.get("authorization");
  if (!header) return !req.headers.get("cookie");
  const [scheme, value = ""] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value.startsWith("wk_");
  if (/^basic$/i.test(scheme)) return Buffer.from(value, "base64").toString("utf8").startsWith("wk_");
  return false;
}

/** Grant headers for an actual (non-preflight) response. */
export function applyCors(req: Request, res: Response, writeKeyEndpoint: boolean): Response {
  const origin = req.headers.get("origin");
  try {
    res.headers.append("vary", "Origin");
    if (!origin) return res;
    // A 403 on a write-key endpoint is the origin check refusing this origin (or a forbidden action): no grant.
    const granted = installationOrigins().has(origin) || (writeKeyEndpoint && sendsWriteKey(req) && res.status !== 403);
    if (granted) {
      res.headers.set("access-control-allow-origin", origin);
      res.headers.set("access-control-expose-headers", EXPOSE_HEADERS);
    }
  } catch {
    // Immutable headers (a fetched or redirect response): sent as they are.
  }
  return res;
}

/** Wraps a route handler so every response it gives carries the CORS answer. */
export function withCors<S>(
  access: Access,
  handler: (req: Request, segment: S) => Promise<Response>,
): (req: Request, segment: S) => Promise<Response> {
  const writeKey = access.kind === "workspace" && access.writeKey === true;
  return async (req, segment) => applyCors(req, await handler(req, segment), writeKey);
}

/** Whether a request is a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method). */
export function isPreflight(req: Request): boolean {
  return req.method === "OPTIONS" && !!req.headers.get("origin") && !!req.headers.get("access-control-request-method");
}

/** The answer to a preflight on /api/* or /v1/*: 204, with the grant only when the origin may call. */
export async function preflightResponse(req: Request): Promise<Response> {
  const origin = req.headers.get("origin") ?? "";
  const method = (req.headers.get("access-control-request-method") ?? "").toUpperCase();
  const { pathname } = new URL(req.url);
  let granted = installationOrigins().has(origin);
  let methods = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  if (!granted) {
    if (pathname.startsWith("/v1/")) {
      methods = "GET, POST, OPTIONS";
      granted = (method === "POST" || method === "GET") && (await anySourceAllowsOrigin({ origin }));
    } else {
      const match = WRITE_KEY_ENDPOINTS.map((e) => (e.method === method ? e.pattern.exec(pathname) : null)).find(
        Boolean,
      );
      methods = "POST, OPTIONS";
      granted = !!match && (await anySourceAllowsOrigin({ origin, workspaceId: decodeURIComponent(match[1]) }));
    }
  }
  const headers: Record<string, string> = {
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  if (granted) {
    Object.assign(headers, {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": methods,
      "access-control-allow-headers": ALLOW_HEADERS,
      "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
    });
  }
  return new Response(null, { status: 204, headers });
}
