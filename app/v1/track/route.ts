// POST /v1/track — one Segment-compatible track call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("track");
