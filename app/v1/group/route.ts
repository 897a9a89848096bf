// POST /v1/group — one Segment-compatible group call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("group");
