// Events per period, stacked by type: the busiest types in their own colours, the rest as "Other types".
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { IconTimeline } from "@tabler/icons-react";
import type { CsvRequest } from "@/lib/client/download-csv";
import type { EventTrendsReport, ReportInterval } from "@/lib/schemas/reports";
import { CHART_HEIGHT, ChartCard, type ReportState } from "./chart-card";
import { ChartTooltipCard } from "./chart-tooltip";
import { eventStacks, OTHER_TYPES } from "./event-stacks";
import { formatCount, periodLabel, periodTick } from "./report-labels";
import { ReportTable } from "./report-table";
import { useChartColors } from "./use-chart-colors";

export interface EventTrendsCardProps {
  report: EventTrendsReport | undefined;
  state: ReportState;
  csv: CsvRequest | null;
  /** The workspace's label of an event type ("Viewed page" for viewedPage). */
  typeLabel: (type: string) => string;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

export function EventTrendsCard({ report, state, csv, typeLabel }: EventTrendsCardProps) {
  const colors = useChartColors();
  const interval: ReportInterval = report?.interval ?? "day";
  const stacks = eventStacks(report?.series ?? []);
  const label = (key: string) => (key === OTHER_TYPES ? "Other types" : typeLabel(key));
  const color = (key: string, index: number) => (key === OTHER_TYPES ? colors.muted : colors.series(index));

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const row = active ? (payload?.[0]?.payload as Record<string, number | string> | undefined) : undefined;
    if (!row) return null;
    const lines = stacks.keys
      .map((key, index) => ({ label: label(key), value: Number(row[key] ?? 0), color: color(key, index) }))
      .filter((line) => line.value > 0)
      .reverse(); // The top of the stack first, as it is drawn.
    const sum = lines.reduce((total, line) => total + line.value, 0);
    return (
      <ChartTooltipCard
        title={`${periodLabel(String(row.period), interval)} · ${formatCount(sum)} events`}
        lines={lines}
      />
    );
  };

  return (
    <ChartCard
      title="Event trends"
      description={`Events per ${interval}, by type`}
      state={state}
      empty={stacks.keys.length === 0}
      emptyIcon={IconTimeline}
      emptyText="No events in this period. Events arrive from the tracker, the events API and shop sources."
      csv={csv}
      wide
      chart={() => (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT + 24}>
          <BarChart data={stacks.rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="period"
              tickFormatter={(period: string) => periodTick(period, interval)}
              tick={{ fill: colors.axis, fontSize: 12 }}
              stroke={colors.grid}
              minTickGap={16}
            />
            <YAxis
              allowDecimals={false}
              niceTicks="snap125"
              tick={{ fill: colors.axis, fontSize: 12 }}
              stroke={colors.grid}
              width={48}
              tickFormatter={(v: number) => compact.format(v)}
            />
            <Tooltip content={tooltip} cursor={{ fill: colors.cursor }} />
            {/* In stack order, busiest first, and in one readable text colour: the swatch carries the series colour. */}
            <Legend
              wrapperStyle={{ fontSize: 13 }}
              itemSorter={(item) => stacks.keys.indexOf(String(item.dataKey))}
              formatter={(value: string) => <span style={{ color: colors.axis }}>{value}</span>}
            />
            {stacks.keys.map((key, index) => (
              <Bar
                key={key}
                dataKey={key}
                name={label(key)}
                stackId="events"
                fill={color(key, index)}
                maxBarSize={40}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
      table={() => (
        <ReportTable
          caption={`Events per ${interval} and type`}
          columns={["Period", ...stacks.keys.map(label), "All events"]}
          rows={stacks.rows.map((row) => ({
            key: String(row.period),
            cells: [
              periodLabel(String(row.period), interval),
              ...stacks.keys.map((key) => formatCount(Number(row[key] ?? 0))),
              formatCount(stacks.keys.reduce((sum, key) => sum + Number(row[key] ?? 0), 0)),
            ],
          }))}
        />
      )}
    />
  );
}
