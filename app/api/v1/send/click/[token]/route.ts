// GET /api/v1/send/click/{token} — a tracked link: records the click and redirects to the campaign's
// own link that the signed token names; anything else is a 404 (no open redirect).
import * as endpoints from "@/lib/schemas/send";
import { AppError } from "@/lib/server/core/errors";
import { route } from "@/lib/server/http/route";
import { recordClick } from "@/lib/server/send/feedback";

export const GET = route(endpoints.followTrackedLinkEndpoint, async ({ params }) => {
  const url = await recordClick(params.token);
  if (!url) throw new AppError("not_found", "This link is not valid");
  return new Response(null, {
    status: 302,
    headers: { location: url, "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });
});
