// A real HTTP server in front of the API's route handlers for the limits tests, found from the endpoint
// registry the way Next.js finds them (matchEndpoint, test/route-modules.ts), and stamping the client's
// address as the production server does (lib/server/runtime/http-server.ts; X-Forwarded-For counts with
// TRUST_PROXY=1). Used in-process, and as a second app instance in a child process (api-instance.ts) to
// show that limits hold across instances. The server itself: route-server.ts.
import { matchEndpoint } from "@/lib/schemas/match-endpoint";
import { stampClientAddress } from "@/lib/server/limits/address";
import { routeHandlerOf } from "@/test/route-modules";
import { routeDispatch, startRouteServer } from "./route-server";

export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { url, close } = await startRouteServer({
    intercept: (req) => {
      stampClientAddress(req);
      return false;
    },
    // The handlers as Next calls them: these tests count requests, the API kit checks the contract.
    dispatch: routeDispatch(matchEndpoint, routeHandlerOf),
  });
  return { url, close };
}
