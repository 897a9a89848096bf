// A real HTTP server for the tracking API's route handlers (app/v1/**), so that Segment's own libraries can
// be pointed at it with `host`, as users would point them at Atrium. Preflights go through the front door's
// preflight answer, as in the production server.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as batch from "@/app/v1/batch/route";
import * as importRoute from "@/app/v1/import/route";
import * as b from "@/app/v1/b/route";
import * as identify from "@/app/v1/identify/route";
import * as track from "@/app/v1/track/route";
import * as page from "@/app/v1/page/route";
import * as screen from "@/app/v1/screen/route";
import * as group from "@/app/v1/group/route";
import * as alias from "@/app/v1/alias/route";
import * as i from "@/app/v1/i/route";
import * as t from "@/app/v1/t/route";
import * as p from "@/app/v1/p/route";
import * as s from "@/app/v1/s/route";
import * as g from "@/app/v1/g/route";
import * as a from "@/app/v1/a/route";
import * as settings from "@/app/v1/projects/[writeKey]/settings/route";
import * as events from "@/app/api/v1/workspaces/[ws]/events/batch/route";
import { isPreflight, preflightResponse } from "@/lib/server/http/cors";
import { trackingEndpoints } from "@/lib/schemas/tracking-endpoints";
import { checkResponse } from "@/test/contract-check";

const POSTS: Record<string, (req: Request) => Promise<Response>> = {
  batch: batch.POST,
  import: importRoute.POST,
  b: b.POST,
  identify: identify.POST,
  track: track.POST,
  page: page.POST,
  screen: screen.POST,
  group: group.POST,
  alias: alias.POST,
  i: i.POST,
  t: t.POST,
  p: p.POST,
  s: s.POST,
  g: g.POST,
  a: a.POST,
};

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

async function dispatch(req: Request): Promise<Response> {
  if (isPreflight(req)) return preflightResponse(req);
  const { pathname } = new URL(req.url);
  const settingsMatch = /^\/v1\/projects\/([^/]+)\/settings$/.exec(pathname);
  if (settingsMatch && req.method === "GET")
    return settings.GET(req, { params: Promise.resolve({ writeKey: decodeURIComponent(settingsMatch[1]) }) });
  const eventsMatch = /^\/api\/v1\/workspaces\/([^/]+)\/events\/batch$/.exec(pathname);
  if (eventsMatch && req.method === "POST")
    return events.POST(req, { params: Promise.resolve({ ws: eventsMatch[1] }) });
  const single = /^\/v1\/([a-z]+)$/.exec(pathname);
  const handler = single && req.method === "POST" ? POSTS[single[1]] : undefined;
  return handler ? handler(req) : new Response("not found", { status: 404 });
}

/** The documented /v1 operation a request is for (its path and method), if any. */
function trackingOperationOf(req: Request) {
  const { pathname } = new URL(req.url);
  const documented = pathname.replace(/^\/v1\/projects\/[^/]+\/settings$/, "/v1/projects/{writeKey}/settings");
  return trackingEndpoints.find((endpoint) => endpoint.path === documented && endpoint.method === req.method);
}

export interface TrackingServer {
  url: string;
  server: Server;
  /** With `checkContract`: every /v1 answer that breaks the OpenAPI document (test/contract-check.ts). */
  violations: string[];
  close: () => Promise<void>;
}

/** `checkContract` validates every /v1 answer against the OpenAPI document (tests; the benchmark leaves it off). */
export async function startTrackingServer({ checkContract = false } = {}): Promise<TrackingServer> {
  let base = "";
  const violations: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const request = await toRequest(req, base);
      const response = await dispatch(request);
      const operation = checkContract && request.method !== "OPTIONS" ? trackingOperationOf(request) : undefined;
      if (operation) await checkResponse(operation, response.clone()).catch((e: Error) => violations.push(e.message));
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
    server,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
