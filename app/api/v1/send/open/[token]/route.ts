// GET /api/v1/send/open/{token} — the open pixel. Always the same 1×1 GIF, whatever the token.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { recordOpen } from "@/lib/server/send/feedback";

const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

export const GET = route(endpoints.getOpenPixelEndpoint, async ({ params }) => {
  await recordOpen(params.token);
  return new Response(new Uint8Array(GIF), {
    status: 200,
    headers: {
      "content-type": "image/gif",
      "cache-control": "no-store, private",
      "content-length": String(GIF.length),
    },
  });
});
