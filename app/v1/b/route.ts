// POST /v1/b — Segment-compatible batch of messages (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("batch");
