// Shapes shared by many endpoints: ids, pagination, problems.
import { z } from "zod";
import { isIsoInRange, TIMESTAMP_RANGE_MESSAGE } from "./input-rules";

export const ZId = z.string().min(1).max(64).meta({ description: "An opaque identifier" });
export const ZWorkspaceParams = z.object({ ws: ZId.meta({ description: "Workspace id" }) });
export const ZTimestamp = z.iso
  .datetime({ offset: true })
  .refine(isIsoInRange, { error: TIMESTAMP_RANGE_MESSAGE })
  .meta({ description: "ISO 8601 timestamp (UTC in responses), between 1900-01-01 and 2200-01-01" });

export const ZPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size (1–200)" }),
  cursor: z.string().max(512).optional().meta({ description: "Opaque cursor from the previous page's nextCursor" }),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const ZFieldError = z.object({ path: z.string(), message: z.string() });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(ZFieldError).optional(),
    requestId: z.string(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
