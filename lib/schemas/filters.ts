// The filter language of views, search and segments (docs/api.md "Filter language"). This file checks the
// structure; lib/server/query compiles a filter to SQL and checks fields and value types there.
import { z } from "zod";
import { CONSENT_KEYS } from "./consents";

export const FILTER_OPS = [
  "eq",
  "neq",
  "in",
  "nin",
  "gt",
  "gte",
  "lt",
  "lte",
  "between",
  "exists",
  "contains",
  "startsWith",
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

// The consent keys live with the consents capability; re-exported for the filter compiler.
export { CONSENT_KEYS, type ConsentKey } from "./consents";

// Limits that keep one filter from turning into a query that hurts the database.
export const MAX_FILTER_DEPTH = 10;
/** Counts every node, and/or/not included, so empty groups cannot multiply the work either. */
export const MAX_FILTER_CONDITIONS = 100;
export const MAX_IN_VALUES = 1000;
const MAX_EVENT_PROPERTIES = 20;
const MAX_WITHIN_DAYS = 100 * 366;

// ───── ISO 8601 durations (`within`)

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

// Whole units only: fractions ("P0.5D") are legal ISO 8601 but nobody needs them to say "recently".
const DURATION_PATTERN =
  /^P(?:(\d{1,9})Y)?(?:(\d{1,9})M)?(?:(\d{1,9})W)?(?:(\d{1,9})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9})S)?)?$/;

/** "P30D" → { days: 30, … }; null unless it is a non-zero duration of at most about a hundred years. */
export function parseIsoDuration(value: string): IsoDuration | null {
  const match = DURATION_PATTERN.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part ? Number(part) : 0));
  const approxDays = years * 366 + months * 31 + weeks * 7 + days + hours / 24 + minutes / 1440 + seconds / 86_400;
  if (approxDays <= 0 || approxDays > MAX_WITHIN_DAYS) return null;
  return { years, months, weeks, days, hours, minutes, seconds };
}

const ZDuration = z
  .string()
  .max(64)
  .refine(
    (value) => parseIsoDuration(value) !== null,
    "Must be an ISO 8601 duration such as P30D or PT12H (at most 100 years)",
  )
  .meta({ example: "P30D" });

// ───── Conditions

const ZText = z.string().max(1000, "Must be at most 1000 characters");
const ZScalar = z.union([ZText, z.number(), z.boolean()], { error: "Must be a string, number or boolean" });
/** Numbers, dates (YYYY-MM-DD) and timestamps (ISO 8601); which one is checked against the field. */
const ZOrderable = z.union([z.string().max(64), z.number()], { error: "Must be a number, date or timestamp" });

const ZFieldPath = z.string().min(1).max(200).meta({
  description: "base.<path>, extended.<name>, externalId, tags, createdAt or updatedAt",
  example: "base.address.country",
});

function fieldCondition<const Ops extends readonly [FilterOp, ...FilterOp[]], V extends z.ZodType>(ops: Ops, value: V) {
  return z.strictObject({ field: ZFieldPath, op: z.enum(ops), value });
}

// One variant per operator family so that each operator's value shape is documented and checked.
export const ZFieldCondition = z.discriminatedUnion(
  "op",
  [
    fieldCondition(["eq", "neq"], ZScalar),
    fieldCondition(
      ["in", "nin"],
      z
        .array(z.union([ZText, z.number()], { error: "Must be a string or number" }))
        .min(1, "Must list at least one value")
        .max(MAX_IN_VALUES, `At most ${MAX_IN_VALUES} values`),
    ),
    fieldCondition(["gt", "gte", "lt", "lte"], ZOrderable),
    fieldCondition(["between"], z.tuple([ZOrderable, ZOrderable], { error: "Must be [from, to]" })),
    fieldCondition(["exists"], z.boolean("Must be true or false")),
    fieldCondition(["contains", "startsWith"], ZText.min(1, "Must not be empty")),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? `Must be one of ${FILTER_OPS.join(", ")}` : undefined) },
);
export type FieldCondition = z.infer<typeof ZFieldCondition>;

const ZCount = z.int().min(0).max(1_000_000);
const ZEventCount = z
  .strictObject({ gte: ZCount.optional(), lte: ZCount.optional(), eq: ZCount.optional() })
  .refine(
    (count) => count.gte !== undefined || count.lte !== undefined || count.eq !== undefined,
    "Give gte, lte or eq",
  )
  .refine((count) => count.gte === undefined || count.lte === undefined || count.gte <= count.lte, {
    message: "gte must not be greater than lte",
    path: ["gte"],
  });

export const ZEventCondition = z.strictObject({
  event: z.strictObject({
    type: z.string().min(1).max(100).meta({ example: "completedOrder" }),
    within: ZDuration.optional().meta({
      description: "Only events that occurred within this ISO 8601 duration before now",
    }),
    count: ZEventCount.optional().meta({ description: "How many such events; default: at least one" }),
    properties: z
      .record(
        z
          .string()
          .regex(/^[^.]+(\.[^.]+)*$/, "Must be a property path such as amount.currency")
          .max(200),
        ZScalar,
      )
      .refine(
        (properties) => Object.keys(properties).length <= MAX_EVENT_PROPERTIES,
        `At most ${MAX_EVENT_PROPERTIES} properties`,
      )
      .optional()
      .meta({ description: "Property values the event must have (equality; dotted paths reach nested properties)" }),
  }),
});
export type EventCondition = z.infer<typeof ZEventCondition>;

export const ZConsentCondition = z
  .strictObject({
    consent: z.enum(CONSENT_KEYS),
    status: z.boolean().optional(),
    limitation: z.boolean().optional(),
    objection: z.boolean().optional(),
  })
  .meta({
    description: "Matches customers whose consent leaf exists with these values; a leaf never set matches nothing",
  });
export type ConsentCondition = z.infer<typeof ZConsentCondition>;

export const ZTagCondition = z.strictObject({ tag: z.string().trim().min(1, "Must not be empty").max(64) });
export type TagCondition = z.infer<typeof ZTagCondition>;

export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
  | FieldCondition
  | EventCondition
  | ConsentCondition
  | TagCondition;

// ───── The recursive union

// The key that tells each kind of condition apart, in the order of the union's options.
const KIND_KEYS = ["and", "or", "not", "field", "event", "consent", "tag"] as const;
const KINDS_HINT = "{and}, {or}, {not}, {field, op, value}, {event}, {consent} or {tag}";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A failed union reports one "Invalid input" at the condition itself. The condition's key says which
 * option was meant, so keep only that option's issues: a typo deep inside then surfaces with its own
 * path (filter.and.1.op) and message.
 */
function narrowUnionIssue(ctx: z.core.$RefinementCtx) {
  const index = ctx.issues.findIndex((issue) => issue.code === "invalid_union" && !issue.path?.length);
  if (index < 0) return;
  const issue = ctx.issues[index];
  const value = ctx.value;
  const kinds = isPlainObject(value) ? KIND_KEYS.filter((key) => Object.hasOwn(value, key)) : [];
  if (issue.code === "invalid_union" && kinds.length === 1) {
    // A finalised issue is a raw issue whose message is already filled in (zod keeps that message).
    const meant = issue.errors[KIND_KEYS.indexOf(kinds[0])] as z.core.$ZodRawIssue[];
    ctx.issues.splice(index, 1, ...meant);
    return;
  }
  const message = kinds.length > 1 ? `Must have only one of ${kinds.join(", ")}` : `Must be a condition: ${KINDS_HINT}`;
  ctx.issues.splice(index, 1, { code: "custom", message, input: value, path: [] });
}

const ZFilterNode: z.ZodType<Filter> = z
  .union([
    z.strictObject({
      get and() {
        return z
          .array(ZFilterNode)
          .max(MAX_FILTER_CONDITIONS)
          .meta({ description: "All must match; empty matches everyone" });
      },
    }),
    z.strictObject({
      get or() {
        return z
          .array(ZFilterNode)
          .max(MAX_FILTER_CONDITIONS)
          .meta({ description: "At least one must match; empty matches no one" });
      },
    }),
    z.strictObject({
      get not() {
        return ZFilterNode;
      },
    }),
    ZFieldCondition,
    ZEventCondition,
    ZConsentCondition,
    ZTagCondition,
  ])
  .superRefine((_, ctx) => narrowUnionIssue(ctx), { when: () => true })
  .meta({ id: "Filter", description: `A condition on customers: ${KINDS_HINT}` });

/** Walks the raw input without recursion, so a hostile nesting depth cannot overflow the stack later. */
function limitProblem(input: unknown): string | null {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: input, depth: 1 }];
  let conditions = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isPlainObject(node)) continue;
    if (depth > MAX_FILTER_DEPTH) return `Filters may nest at most ${MAX_FILTER_DEPTH} levels`;
    if (++conditions > MAX_FILTER_CONDITIONS) return `Filters may have at most ${MAX_FILTER_CONDITIONS} conditions`;
    for (const key of ["and", "or"] as const) {
      const children = node[key];
      if (!Array.isArray(children)) continue;
      if (children.length > MAX_FILTER_CONDITIONS)
        return `Filters may have at most ${MAX_FILTER_CONDITIONS} conditions`;
      for (const child of children) stack.push({ node: child, depth: depth + 1 });
    }
    if ("not" in node) stack.push({ node: node.not, depth: depth + 1 });
  }
  return null;
}

/** A whole filter: the recursive condition, within the depth and size limits. */
export const ZFilter = z.preprocess((input, ctx) => {
  const problem = limitProblem(input);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input });
  return input;
}, ZFilterNode);
