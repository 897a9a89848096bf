// POST /v1/screen — one Segment-compatible screen call (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("screen");
