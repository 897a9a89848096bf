// POST /v1/identify — one Segment-compatible identify call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("identify");
