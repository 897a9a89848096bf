// The workspace home: headline figures, growth, composition and event trends of the customer base, for a
// period and for the whole base or one saved view. What is shown lives in the URL (dashboard-params.ts),
// so a reload or a shared link opens the same figures.
import { Alert, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { useEventTypes } from "@/components/events/use-event-types";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Page } from "@/components/ui/page";
import { useViews } from "@/components/views/use-views";
import { buildEndpointUrl } from "@/lib/client/api-client";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { CsvRequest } from "@/lib/client/download-csv";
import {
  getCompositionReportEndpoint,
  getEventTrendsReportEndpoint,
  getGrowthReportEndpoint,
  type CompositionDimension,
} from "@/lib/schemas/reports";
import { CompositionCard } from "./composition-card";
import { DashboardControls, type DashboardChange } from "./dashboard-controls";
import { readDashboardParams, writeDashboardParams } from "./dashboard-params";
import { EventTrendsCard } from "./event-trends-card";
import { GrowthCard } from "./growth-card";
import { HeadlineFigures } from "./headline-figures";
import { customersAtEnd, eventsIn, newCustomersIn } from "./report-figures";
import { daysIn } from "./report-days";
import { rangeLabel } from "./report-labels";
import { effectiveInterval, previousRange, rangeError, resolveRange } from "./report-range";
import {
  periodQuery,
  useCompositionReport,
  useEventTrendsReport,
  useGrowthReport,
  useWorkspaceToday,
  type PeriodQuery,
} from "./use-reports";

/** The consent that says whether e-mail marketing may reach a customer (docs/data-model.md). */
const EMAIL_MARKETING: CompositionDimension = "consent:marketing.automatic.email";

interface CompositionSpec {
  dimension: CompositionDimension;
  title: string;
  bucketName: string;
  description: string;
  palette?: "single" | "distinct" | "consent";
  /** A consent, which has a history: shown at the end of a period that ends before today (asOf). */
  followsPeriodEnd?: boolean;
}

const COMPOSITIONS: CompositionSpec[] = [
  {
    dimension: "gender",
    title: "Gender",
    bucketName: "Gender",
    description: "Customers by gender",
    palette: "distinct",
  },
  {
    dimension: "ageRange",
    title: "Age",
    bucketName: "Age range",
    description: "Customers by age today, from their birth date",
  },
  {
    dimension: "country",
    title: "Country",
    bucketName: "Country",
    description: "Customers by the country of their address",
  },
  {
    dimension: "source",
    title: "Sources",
    bucketName: "Source",
    description: "Customers by the sources that know them",
    palette: "distinct",
  },
  { dimension: "tag", title: "Top tags", bucketName: "Tag", description: "The most used tags" },
  {
    dimension: EMAIL_MARKETING,
    title: "E-mail marketing consent",
    bucketName: "Consent",
    description: "Who may receive marketing e-mails",
    palette: "consent",
    followsPeriodEnd: true,
  },
];

function csvOf(url: string, fallbackName: string): CsvRequest {
  return { url, fallbackName };
}

function CompositionSection({
  ws,
  spec,
  viewId,
  enabled,
  periodEnd,
}: {
  ws: string;
  spec: CompositionSpec;
  viewId: string | null;
  enabled: boolean;
  /** The last day of a period that ends before today, or null. */
  periodEnd: string | null;
}) {
  const { followsPeriodEnd, ...card } = spec;
  const asOf = followsPeriodEnd ? periodEnd : null;
  // The same query as the headline's reachable share for the period's end: one request serves both.
  const report = useCompositionReport(ws, spec.dimension, viewId, enabled, asOf);
  const query = { dimension: spec.dimension, ...(viewId ? { viewId } : {}), ...(asOf ? { asOf } : {}) };
  return (
    <CompositionCard
      {...card}
      description={asOf ? `${spec.description}, at the end of ${rangeLabel(asOf, asOf)}` : spec.description}
      report={report.data}
      state={report}
      csv={csvOf(
        buildEndpointUrl(getCompositionReportEndpoint, { params: { ws }, query }),
        `composition-${spec.dimension}.csv`,
      )}
      emptyText={
        viewId ? "This view has no customers." : "No customers yet: their composition appears here once there are some."
      }
    />
  );
}

function previousLabelOf(days: number): string {
  return days <= 90 ? `the previous ${days} days` : "the previous period";
}

export function DashboardScreen() {
  const ws = useCurrentWorkspace().workspace.id;
  const [search, setSearch] = useSearchParams();
  const params = readDashboardParams(search);
  const { today, timezone, error: workspaceError } = useWorkspaceToday(ws);
  const eventTypes = useEventTypes(ws);

  const views = useViews(ws);
  const missingView =
    params.viewId !== null && views.isSuccess && !views.data.some((view) => view.id === params.viewId);
  // A range the API would refuse, or a view that is gone: one message instead of every card waiting or failing.
  const invalidRange = rangeError(params.range);
  const blocked = invalidRange !== null || missingView;
  const viewId = missingView ? null : params.viewId;

  // Reports of a view wait until the view is known to exist.
  const waiting = params.viewId !== null && !views.isSuccess;
  const range = today && !blocked && !waiting ? resolveRange(params.range, today) : null;
  const interval = range ? effectiveInterval(params.interval, range) : null;
  const current: PeriodQuery | null = range && interval ? periodQuery(range, interval, viewId) : null;
  // The period before, by month: its edges are partial months, which the API counts by day, so the sums
  // are exact and the answer stays a few rows long.
  const previous: PeriodQuery | null = range ? periodQuery(previousRange(range), "month", viewId) : null;

  const growth = useGrowthReport(ws, current);
  const previousGrowth = useGrowthReport(ws, previous);
  const events = useEventTrendsReport(ws, current);
  const previousEvents = useEventTrendsReport(ws, previous);
  // A period that ends before today: the customer count and the reachable share are for the end of its
  // last day, the share from the consent registry's history.
  const periodEnd = range && today && range.to !== today ? range.to : null;
  const emailConsent = useCompositionReport(ws, EMAIL_MARKETING, viewId, range !== null, periodEnd);

  // react-router renders a URL change in a transition, so two quick edits (the two days of a custom range)
  // can both run before the first re-render: each change starts from the URL as it is now, not as rendered.
  const update = (change: DashboardChange) =>
    setSearch(writeDashboardParams(change(readDashboardParams(new URLSearchParams(window.location.search)))), {
      replace: true,
    });
  const figure = <T,>(query: { data: T | undefined; isPending: boolean }, read: (data: T) => number) => ({
    value: query.data === undefined ? null : read(query.data),
    loading: query.isPending,
  });

  return (
    <Page
      title="Dashboard"
      description="How your customer base grows, what it is made of and what your customers do — for any period, for everyone or for one view."
    >
      <Stack gap="lg">
        <DashboardControls
          params={params}
          onChange={update}
          range={range}
          views={views.data ?? []}
          viewsLoading={views.isPending}
        />
        {range ? (
          <Text size="sm" c="dimmed" mt={-8}>
            {rangeLabel(range.from, range.to)} · days in the workspace&apos;s time zone, {timezone}
          </Text>
        ) : null}
        {missingView ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconInfoCircle size={18} />}
            title="This view does not exist"
            data-testid="dashboard-blocked"
          >
            It was deleted, or the link is wrong. Choose another view above, or report on all customers.
          </Alert>
        ) : invalidRange ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconInfoCircle size={18} />}
            title="Choose a period to report on"
            data-testid="dashboard-blocked"
          >
            {invalidRange}. Pick the first and the last day above, or one of the preset periods.
          </Alert>
        ) : null}
        {workspaceError ? (
          <ErrorAlert title="The workspace's settings could not be loaded" error={workspaceError} />
        ) : null}

        {blocked ? null : (
          <>
            <HeadlineFigures
              customers={figure(growth, customersAtEnd)}
              periodEnd={periodEnd ? rangeLabel(periodEnd, periodEnd) : null}
              inView={params.viewId !== null}
              newCustomers={figure(growth, newCustomersIn)}
              previousNewCustomers={figure(previousGrowth, newCustomersIn)}
              emailReachable={figure(
                emailConsent,
                (report) => report.buckets.find((bucket) => bucket.key === "granted")?.count ?? 0,
              )}
              consentBase={figure(emailConsent, (report) => report.total)}
              events={figure(events, eventsIn)}
              previousEvents={figure(previousEvents, eventsIn)}
              previousLabel={range ? previousLabelOf(daysIn(range.from, range.to)) : "the previous period"}
            />

            <GrowthCard
              report={growth.data}
              state={growth}
              csv={
                current
                  ? csvOf(buildEndpointUrl(getGrowthReportEndpoint, { params: { ws }, query: current }), "growth.csv")
                  : null
              }
            />

            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {COMPOSITIONS.map((spec) => (
                <CompositionSection
                  key={spec.dimension}
                  ws={ws}
                  spec={spec}
                  viewId={viewId}
                  enabled={!waiting}
                  periodEnd={periodEnd}
                />
              ))}
            </SimpleGrid>

            <EventTrendsCard
              report={events.data}
              state={events}
              csv={
                current
                  ? csvOf(
                      buildEndpointUrl(getEventTrendsReportEndpoint, { params: { ws }, query: current }),
                      "events.csv",
                    )
                  : null
              }
              typeLabel={(type) => eventTypes.meta(type).label}
            />
          </>
        )}
      </Stack>
    </Page>
  );
}
