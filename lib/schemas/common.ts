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

/** A page of items; named `<Item>Page` in the OpenAPI document when the item has a name. */
export function ZPage<T extends z.ZodType>(item: T) {
  const known = pages.get(item);
  if (known) return known as ReturnType<typeof pageOf<T>>;
  const page = pageOf(item);
  pages.set(item, page);
  return page;
}

// One page schema per item schema: a document name is registered once.
const pages = new WeakMap<z.ZodType, z.ZodType>();

function pageOf<T extends z.ZodType>(item: T) {
  const page = z.object({ data: z.array(item), nextCursor: z.string().nullable() });
  const id = z.globalRegistry.get(item)?.id;
  return id ? page.meta({ id: `${id}Page` }) : page;
}

export const ZFieldError = z.object({ path: z.string(), message: z.string() });

// Loose: a problem may carry extension members (RFC 9457 §3.2), such as existingCustomerId on a 409 or
// limit on a 413; the documented ones are listed.
export const ZProblem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(ZFieldError).optional(),
    requestId: z.string(),
    existingCustomerId: z
      .string()
      .optional()
      .meta({ description: "409 on a customer write: the customer holding the identity" }),
    limit: z.int().optional().meta({ description: "413: the body limit in bytes" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });
