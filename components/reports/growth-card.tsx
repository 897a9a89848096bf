// Growth of the customer base: new customers per period as bars (left axis) and the running total as a
// line (right axis): two scales, because the total dwarfs a day's new customers.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { IconUsersPlus } from "@tabler/icons-react";
import type { CsvRequest } from "@/lib/client/download-csv";
import type { GrowthReport, ReportInterval } from "@/lib/schemas/reports";
import { CHART_HEIGHT, ChartCard, type ReportState } from "./chart-card";
import { ChartTooltipCard } from "./chart-tooltip";
import { formatCount, periodLabel, periodTick } from "./report-labels";
import { ReportTable } from "./report-table";
import { useChartColors } from "./use-chart-colors";

export interface GrowthCardProps {
  report: GrowthReport | undefined;
  state: ReportState;
  csv: CsvRequest | null;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact" });

export function GrowthCard({ report, state, csv }: GrowthCardProps) {
  const colors = useChartColors();
  const series = report?.series ?? [];
  const interval: ReportInterval = report?.interval ?? "day";
  const empty = series.every((point) => point.total === 0 && point.new === 0);
  const newColor = colors.series(0);
  const totalColor = colors.series(1);

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const point = active ? (payload?.[0]?.payload as GrowthReport["series"][number] | undefined) : undefined;
    if (!point) return null;
    return (
      <ChartTooltipCard
        title={periodLabel(point.period, interval)}
        lines={[
          { label: "New customers", value: point.new, color: newColor },
          { label: "Total at the end", value: point.total, color: totalColor },
        ]}
      />
    );
  };

  return (
    <ChartCard
      title="Customer growth"
      description={`New customers per ${interval} and the size of the base at the end of each ${interval}`}
      state={state}
      empty={empty}
      emptyIcon={IconUsersPlus}
      emptyText="No customers yet. New customers appear here as they are created through the API, imports or events."
      csv={csv}
      wide
      chart={() => (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="period"
              tickFormatter={(period: string) => periodTick(period, interval)}
              tick={{ fill: colors.axis, fontSize: 12 }}
              stroke={colors.grid}
              minTickGap={16}
            />
            <YAxis
              yAxisId="new"
              allowDecimals={false}
              niceTicks="snap125"
              tick={{ fill: colors.axis, fontSize: 12 }}
              stroke={colors.grid}
              width={48}
              tickFormatter={(v: number) => compact.format(v)}
            />
            <YAxis
              yAxisId="total"
              orientation="right"
              allowDecimals={false}
              niceTicks="snap125"
              tick={{ fill: colors.axis, fontSize: 12 }}
              stroke={colors.grid}
              width={56}
              tickFormatter={(v: number) => compact.format(v)}
            />
            <Tooltip content={tooltip} cursor={{ fill: colors.cursor }} />
            <Legend
              wrapperStyle={{ fontSize: 13 }}
              itemSorter={null}
              formatter={(value: string) => <span style={{ color: colors.axis }}>{value}</span>}
            />
            <Bar
              yAxisId="new"
              dataKey="new"
              name="New customers"
              fill={newColor}
              radius={[3, 3, 0, 0]}
              maxBarSize={40}
              isAnimationActive={false}
            />
            <Line
              yAxisId="total"
              dataKey="total"
              name="Total customers"
              stroke={totalColor}
              strokeWidth={2.5}
              dot={false}
              type="monotone"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      )}
      table={() => (
        <ReportTable
          caption={`Customer growth per ${interval}`}
          columns={["Period", "New customers", "Total customers"]}
          rows={series.map((point) => ({
            key: point.period,
            cells: [periodLabel(point.period, interval), formatCount(point.new), formatCount(point.total)],
          }))}
        />
      )}
    />
  );
}
