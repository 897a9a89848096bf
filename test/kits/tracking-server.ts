// A real HTTP server for the tracking API's route handlers (app/v1/**, and the native events batch beside
// them), so that Segment's own libraries can be pointed at it with `host`, as users would point them at
// Atrium. Routes are found from the tracking registry the way Next.js finds them (endpointMatcher,
// test/route-modules.ts); preflights go through the front door's preflight answer, as in the production
// server. The server itself: route-server.ts.
import type { Server } from "node:http";
import { createEventBatchEndpoint } from "@/lib/schemas/events";
import { endpointMatcher } from "@/lib/schemas/match-endpoint";
import { trackingEndpoints, type TrackingEndpoint } from "@/lib/schemas/tracking-endpoints";
import { isPreflight, preflightResponse } from "@/lib/server/http/cors";
import { checkResponse } from "@/test/contract-check";
import { routeHandlerOf } from "@/test/route-modules";
import { routeDispatch, startRouteServer } from "./route-server";

const matchTracking = endpointMatcher(() => [...trackingEndpoints, createEventBatchEndpoint]);
const documented = new Set<unknown>(trackingEndpoints);

export interface TrackingServer {
  url: string;
  server: Server;
  /** With `checkContract`: every /v1 answer that breaks the OpenAPI document (test/contract-check.ts). */
  violations: string[];
  close: () => Promise<void>;
}

/** `checkContract` validates every /v1 answer against the OpenAPI document (tests; the benchmark leaves it off). */
export async function startTrackingServer({ checkContract = false } = {}): Promise<TrackingServer> {
  const violations: string[] = [];
  const route = routeDispatch(matchTracking, routeHandlerOf, async (endpoint, run) => {
    const response = await run();
    if (checkContract && documented.has(endpoint)) {
      await checkResponse(endpoint as TrackingEndpoint, response.clone()).catch((e: Error) =>
        violations.push(e.message),
      );
    }
    return response;
  });
  const { url, server, close } = await startRouteServer({
    dispatch: (request) => (isPreflight(request) ? preflightResponse(request) : route(request)),
  });
  return { url, server, violations, close };
}
