// The Segment-compatible tracking API (/v1/*) as documented operations. These routes are not EndpointContracts:
// they authenticate by a source write key (Basic auth with the key as the user name, or `writeKey` in the body),
// read any Content-Type as JSON and answer Segment's way (lib/server/http/tracking-route.ts). The OpenAPI
// document lists them under the `writeKey` security scheme, and the contract check covers their answers too.
import { z } from "zod";
import {
  SEGMENT_MESSAGE_TYPES,
  SEGMENT_PATH_TYPES,
  TRACKING_LIMITS,
  ZSegmentMessage,
  ZTrackingResult,
} from "./tracking";

export interface TrackingEndpoint {
  method: "GET" | "POST";
  path: string;
  operationId: string;
  summary: string;
  /** Request body (documented as application/json and text/plain, which browsers and sendBeacon send). */
  body?: z.ZodType;
  params?: z.ZodObject;
  /** The write key is a path parameter (analytics.js settings), so the operation has no security requirement. */
  keyInPath?: boolean;
  bodyLimit?: number;
  success: { status: 200; schema: z.ZodType; description: string };
  /** Error statuses besides 401, 500 and 503. */
  errors: number[];
}

const ZWriteKeyInBody = z
  .string()
  .optional()
  .meta({ description: "The source's write key, for callers that cannot set Authorization (browsers, beacons)" });

const ZSegmentMessageDoc = ZSegmentMessage.meta({
  id: "SegmentMessage",
  description: "One message of Segment's tracking spec; fields Atrium does not read are kept or ignored, never refused",
});

export const ZSegmentBatch = z
  .looseObject({
    batch: z.array(ZSegmentMessageDoc).max(TRACKING_LIMITS.batchMessages),
    sentAt: z.union([z.string(), z.number()]).nullish().meta({ description: "When the library sent the batch" }),
    context: z.record(z.string(), z.unknown()).nullish(),
    writeKey: ZWriteKeyInBody,
  })
  .meta({ id: "SegmentBatch" });

export const ZSegmentCall = ZSegmentMessage.extend({
  type: z.enum(SEGMENT_MESSAGE_TYPES).optional().meta({ description: "Implied by the path" }),
  writeKey: ZWriteKeyInBody,
}).meta({ id: "SegmentCall", description: "A single message; its type is the path's" });

export const ZAnalyticsSettings = z
  .looseObject({
    integrations: z.looseObject({
      "Segment.io": z.looseObject({
        apiKey: z.string(),
        apiHost: z.string().meta({ description: "This server's /v1, without the scheme" }),
        protocol: z.string(),
      }),
    }),
  })
  .meta({ id: "AnalyticsSettings", description: "What analytics.js (analytics-next) loads at start" });

const accepted = {
  status: 200 as const,
  schema: ZTrackingResult,
  description:
    'Accepted: {"success":true}, with the messages stored and refused counted (bad ones never fail the rest)',
};
const WRITE_ERRORS = [400, 403, 413, 429];

const BATCHES: TrackingEndpoint[] = [
  ["batch", "segmentBatch", "A batch of messages (server libraries)"],
  ["import", "segmentImport", "A batch of historical messages (server libraries' import)"],
  ["b", "segmentBatchShort", "A batch of messages (the browser library's short path)"],
].map(([name, operationId, summary]) => ({
  method: "POST",
  path: `/v1/${name}`,
  operationId,
  summary,
  body: ZSegmentBatch,
  bodyLimit: TRACKING_LIMITS.batchBytes,
  success: accepted,
  errors: WRITE_ERRORS,
}));

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const SINGLES: TrackingEndpoint[] = Object.entries(SEGMENT_PATH_TYPES).map(([name, type]) => ({
  method: "POST",
  path: `/v1/${name}`,
  operationId: `segment${capitalised(type)}${name === type ? "" : "Short"}`,
  summary: `One ${type} call${name === type ? "" : " (the browser library's short path)"}`,
  body: ZSegmentCall,
  bodyLimit: TRACKING_LIMITS.singleBytes,
  success: accepted,
  errors: WRITE_ERRORS,
}));

const SETTINGS: TrackingEndpoint = {
  method: "GET",
  path: "/v1/projects/{writeKey}/settings",
  operationId: "getAnalyticsSettings",
  summary: "The settings analytics.js loads at start (its cdnURL pointed at Atrium); sends every call back here",
  params: z.object({ writeKey: z.string().meta({ description: "The source's write key" }) }),
  keyInPath: true,
  success: { status: 200, schema: ZAnalyticsSettings, description: "The analytics.js settings" },
  errors: [403, 429],
};

export const trackingEndpoints: TrackingEndpoint[] = [...BATCHES, ...SINGLES, SETTINGS];
