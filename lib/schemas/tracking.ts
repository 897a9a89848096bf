// The Segment-compatible tracking API (/v1/batch, /v1/track, …): limits, the message envelope and the
// workspace setting for track names without a standard counterpart. Isomorphic: docs and tests read it too.
import { z } from "zod";

export const TRACKING_LIMITS = {
  /** Segment accepts 500 KB per batch; Atrium allows more so one request can carry a server library's backlog. */
  batchBytes: 4 * 1024 * 1024,
  /** Segment's per-message limit, kept: a bigger message is rejected on its own, the rest of the batch is stored. */
  messageBytes: 32 * 1024,
  /** Messages per request. */
  batchMessages: 5000,
  /** A single call (/v1/track, /v1/t, …). */
  singleBytes: 64 * 1024,
} as const;

export const SEGMENT_MESSAGE_TYPES = ["identify", "track", "page", "screen", "group", "alias"] as const;
export type SegmentMessageType = (typeof SEGMENT_MESSAGE_TYPES)[number];

/** The browser library's short paths (/v1/t …) and the server libraries' long ones. */
export const SEGMENT_PATH_TYPES: Record<string, SegmentMessageType> = {
  identify: "identify",
  i: "identify",
  track: "track",
  t: "track",
  page: "page",
  p: "page",
  screen: "screen",
  s: "screen",
  group: "group",
  g: "group",
  alias: "alias",
  a: "alias",
};

export const ZUnmappedTrackEvents = z.enum(["generic", "reject"]).meta({
  id: "UnmappedTrackEvents",
  description:
    "What the tracking API does with a track event name that has no standard counterpart: generic stores it as genericActiveEvent keeping the name, reject refuses it",
});
export type UnmappedTrackEvents = z.infer<typeof ZUnmappedTrackEvents>;

/** Ids: Segment libraries send strings, some send numbers (userId: 42). */
const ZLooseId = z
  .union([z.string(), z.number().finite()])
  .transform((value) => String(value).trim())
  .pipe(z.string().max(255, "Must be at most 255 characters"));

const ZLooseTime = z.union([z.string(), z.number()]).nullish();
const ZObject = z.record(z.string(), z.unknown());

/** One Segment message as sent; loose, because every library adds fields of its own. */
export const ZSegmentMessage = z.looseObject({
  type: z.enum(SEGMENT_MESSAGE_TYPES, { error: `Must be one of ${SEGMENT_MESSAGE_TYPES.join(", ")}` }),
  userId: ZLooseId.nullish(),
  anonymousId: ZLooseId.nullish(),
  messageId: z.string().trim().max(200, "Must be at most 200 characters").nullish(),
  timestamp: ZLooseTime,
  originalTimestamp: ZLooseTime,
  sentAt: ZLooseTime,
  receivedAt: ZLooseTime,
  context: ZObject.nullish(),
  properties: ZObject.nullish(),
  traits: ZObject.nullish(),
  event: z.string().trim().min(1, "Must not be empty").max(512, "Must be at most 512 characters").nullish(),
  name: z.string().max(512).nullish(),
  category: z.string().max(512).nullish(),
  groupId: ZLooseId.nullish(),
  previousId: ZLooseId.nullish(),
});
export type SegmentMessage = z.output<typeof ZSegmentMessage>;

/** The answer to every accepted request: Segment's `success`, plus what Atrium did with each message. */
export const ZTrackingResult = z
  .object({
    success: z.literal(true),
    accepted: z.int().meta({ description: "Messages stored (or recognised as resent: same messageId)" }),
    rejected: z.int().meta({ description: "Messages refused one by one; the others are stored" }),
    errors: z.array(
      z
        .object({
          index: z.int().meta({ description: "Position of the message in batch[] (0 for a single call)" }),
          messageId: z.string().nullable(),
          errors: z.array(z.object({ path: z.string(), message: z.string() })),
        })
        .meta({ id: "TrackingMessageError" }),
    ),
  })
  .meta({ id: "TrackingResult" });
export type TrackingResult = z.infer<typeof ZTrackingResult>;
