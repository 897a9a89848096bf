// POST /v1/alias — one Segment-compatible alias call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("alias");
