// POST /v1/batch — Segment-compatible batch of messages (lib/server/http/tracking-route.ts).
import { trackingRoute } from "@/lib/server/http/tracking-route";

export const POST = trackingRoute("batch");
