// What a Merge row keeps so that unmerge can put everything back: both profiles' properties around the
// merge, and exactly which rows moved.
import { z } from "zod";

const ZProperties = z.object({
  externalId: z.string().nullable(),
  base: z.record(z.string(), z.unknown()),
  extended: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  consents: z.record(z.string(), z.unknown()),
});

export const ZMergeSnapshot = z.object({
  version: z.literal(1),
  /** The absorbed customer as it was. */
  absorbed: ZProperties,
  /** The survivor just before and just after the merge: the two sides of unmerge's 3-way restore. */
  survivorBefore: ZProperties,
  survivorAfter: ZProperties,
  identityIds: z.array(z.string()),
  eventIds: z.array(z.string()),
  consentRecordIds: z.array(z.string()),
  /** The absorbed customer's source links. */
  sourceLinks: z.array(z.object({ sourceId: z.string(), firstSeenAt: z.string() })),
  /** The survivor's sources before the merge: links it had already are not taken away on unmerge. */
  survivorSourceIds: z.array(z.string()),
});

export type MergeSnapshot = z.infer<typeof ZMergeSnapshot>;
