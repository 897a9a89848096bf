// Reports: customer-base growth, composition and event trends, for the whole base or a view. Days are
// calendar days in the workspace's time zone; each report also answers text/csv.
import { z } from "zod";
import { boundedDate } from "./input-rules";
import { ZId, ZWorkspaceParams } from "./common";
import { defineEndpoint } from "./endpoint";
import { CONSENT_KEYS } from "./filters";

export const REPORT_INTERVALS = ["day", "week", "month"] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Longest range a report covers, and most periods a by-day report returns. */
export const MAX_REPORT_DAYS = 5 * 366;
export const MAX_DAY_PERIODS = 400;
/** Default range: the last 30 days, today included. */
export const DEFAULT_REPORT_DAYS = 30;

export const AGE_RANGES = ["<18", "18–24", "25–34", "35–44", "45–54", "55–64", "65+", "unknown"] as const;
export const GENDER_KEYS = ["female", "male", "other", "unknown"] as const;
export const CONSENT_STATES = ["granted", "denied", "unknown"] as const;
/** The bucket of customers without any source or tag. */
export const NONE_KEY = "none";

export const COMPOSITION_DIMENSIONS = [
  "gender",
  "ageRange",
  "country",
  "source",
  "tag",
  ...CONSENT_KEYS.map((key) => `consent:${key}` as const),
] as const;
export type CompositionDimension = (typeof COMPOSITION_DIMENSIONS)[number];
export type ConsentDimension = Extract<CompositionDimension, `consent:${string}`>;
/** The dimensions a composition can be asked for at the end of a past day (`asOf`): the registry keeps their history. */
export const isConsentDimension = (dimension: CompositionDimension): dimension is ConsentDimension =>
  dimension.startsWith("consent:");
/** Dimensions where a customer can sit in several buckets, so the buckets may add up to more than total. */
export const MULTI_VALUED_DIMENSIONS: ReadonlySet<CompositionDimension> = new Set(["source", "tag"]);

const ZReportDate = boundedDate().meta({
  description: "A calendar day in the workspace's time zone",
  example: "2026-01-31",
});

const ZRangeQuery = z.strictObject({
  from: ZReportDate.optional().meta({ description: "First day (included); default 29 days before `to`" }),
  to: ZReportDate.optional().meta({ description: "Last day (included); default today. At most 5 years after `from`" }),
  interval: z.enum(REPORT_INTERVALS).optional().meta({
    description: "Period length; default day up to 90 days, week up to 2 years, month beyond. At most 400 days by day",
  }),
  viewId: ZId.optional().meta({
    description: "Only the customers of this view (computed from the customers themselves: slower)",
  }),
});

export const ZGrowthReportQuery = ZRangeQuery;
export const ZEventTrendsQuery = ZRangeQuery.extend({
  type: z.string().trim().min(1, "Must not be empty").max(64).optional().meta({ description: "Only this event type" }),
});
export const ZCompositionQuery = z.strictObject({
  dimension: z.enum(COMPOSITION_DIMENSIONS, {
    error: `Must be one of gender, ageRange, country, source, tag or consent:<key>`,
  }),
  viewId: ZId.optional().meta({ description: "Only the customers of this view" }),
  asOf: ZReportDate.optional().meta({
    description:
      "consent:<key> only: the consent at the end of this day, from the registry, of the customers (of the base or the view " +
      "today) created by then; default now",
  }),
});

const ZPeriod = z.iso
  .date()
  .meta({ description: "First day of the period (a Monday for weeks) in the workspace's time zone" });
const ZCount = z.int().min(0);

const rangeFields = {
  from: z.iso.date(),
  to: z.iso.date(),
  interval: z.enum(REPORT_INTERVALS),
  timezone: z.string().meta({ description: "The workspace's time zone, which days follow" }),
};

export const ZGrowthReport = z
  .object({
    ...rangeFields,
    series: z.array(
      z.object({
        period: ZPeriod,
        new: ZCount.meta({
          description: "Customers created in the period (the first and last periods only count days in range)",
        }),
        total: z.int().meta({ description: "Customers in the base at the end of the period" }),
      }),
    ),
  })
  .meta({
    id: "GrowthReport",
    description:
      "Without a view: the base as it was, from the daily summary: a customer is new on its creation day and leaves on the day it " +
      "is merged into another (back if the merge is undone) or erased, so the last total is today's base. With a view: today's " +
      "customers of the view by creation day (merged-away and erased customers are not in any view).",
  });

export const ZCompositionReport = z
  .object({
    dimension: z.enum(COMPOSITION_DIMENSIONS),
    asOf: z.iso.date().nullable().meta({
      description: "The day whose end the counts are for (the query's asOf), or null: now",
    }),
    total: ZCount.meta({
      description:
        "Customers in the base (or the view); merged-away and erased customers are not counted. With asOf: those of them " +
        "created by the end of that day",
    }),
    multiValued: z.boolean().meta({ description: "True for source and tag: a customer counts in each of its buckets" }),
    buckets: z.array(z.object({ key: z.string(), count: ZCount })),
  })
  .meta({
    id: "CompositionReport",
    description:
      "gender, ageRange (today, in the workspace's time zone, from base.dob), country (base.address.country) and consent:<key> " +
      "(granted, denied, unknown) have one bucket per customer and sum to total. source (by source name) and tag count a customer " +
      `in each of its sources or tags and in "${NONE_KEY}" when it has none, so their buckets may add up to more than total. ` +
      "consent:<key> with asOf: each customer's state at the end of that day, the value of its last registry change of the key " +
      "before then (a merged customer's registry holds both profiles' changes; erased customers have none left).",
  });

export const ZEventTrendsReport = z
  .object({
    ...rangeFields,
    series: z.array(z.object({ period: ZPeriod, type: z.string(), count: ZCount })),
  })
  .meta({
    id: "EventTrendsReport",
    description: "Events per period and type (every type seen in the range, zeros included)",
  });

export type GrowthReportQuery = z.infer<typeof ZGrowthReportQuery>;
export type EventTrendsQuery = z.infer<typeof ZEventTrendsQuery>;
export type CompositionQuery = z.infer<typeof ZCompositionQuery>;
export type GrowthReport = z.infer<typeof ZGrowthReport>;
export type CompositionReport = z.infer<typeof ZCompositionReport>;
export type EventTrendsReport = z.infer<typeof ZEventTrendsReport>;

// ───── Endpoints (paths under /api/v1/workspaces/{ws})

const REPORTS = "/api/v1/workspaces/{ws}/reports";
const TAG = "Reports";

export const getGrowthReportEndpoint = defineEndpoint({
  method: "GET",
  path: `${REPORTS}/growth`,
  operationId: "getGrowthReport",
  summary: "New and total customers per period (CSV: period,new,total)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  query: ZGrowthReportQuery,
  success: { status: 200, schema: ZGrowthReport },
  csv: { permission: "read" },
});

export const getCompositionReportEndpoint = defineEndpoint({
  method: "GET",
  path: `${REPORTS}/composition`,
  operationId: "getCompositionReport",
  summary: "Customers by gender, age range, country, source, tag or consent (CSV: key,count)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  query: ZCompositionQuery,
  success: { status: 200, schema: ZCompositionReport },
  csv: { permission: "read" },
});

export const getEventTrendsReportEndpoint = defineEndpoint({
  method: "GET",
  path: `${REPORTS}/events`,
  operationId: "getEventTrendsReport",
  summary: "Events per period and type (CSV: period,type,count)",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  query: ZEventTrendsQuery,
  success: { status: 200, schema: ZEventTrendsReport },
  csv: { permission: "read" },
});
