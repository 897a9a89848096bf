// GET /v1/projects/{writeKey}/settings — the settings analytics.js loads at start, pointing it back at Atrium.
import { publicUrl } from "@/lib/server/auth/oidc/config";
import { applyCors } from "@/lib/server/http/cors";
import { errorToResponse } from "@/lib/server/http/problem";
import { requestIdOf } from "@/lib/server/http/request-id";
import { writeKeyPrincipal } from "@/lib/server/http/tracking-route";
import { analyticsSettings } from "@/lib/server/tracking/analytics-settings";

export async function GET(req: Request, { params }: { params: Promise<{ writeKey: string }> }): Promise<Response> {
  const requestId = requestIdOf(req);
  let response: Response;
  try {
    const { writeKey } = await params;
    await writeKeyPrincipal(req, writeKey);
    const base = process.env.PUBLIC_URL ? publicUrl() : new URL(req.url).origin;
    response = Response.json(analyticsSettings({ writeKey, publicUrl: base }), {
      headers: { "cache-control": "no-store", "x-request-id": requestId },
    });
  } catch (error) {
    response = errorToResponse(error, requestId);
  }
  return applyCors(req, response, true);
}
