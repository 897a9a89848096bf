// POST /v1/a — one Segment-compatible alias call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("alias");
