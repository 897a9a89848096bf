// What the base (or a view) is made of along one dimension: a horizontal bar per bucket, with its count
// and share of customers. Horizontal, because bucket names (countries, tags) are long and read best
// left of their bar.
import { Text } from "@mantine/core";
import {
  Bar,
  BarChart,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { CsvRequest } from "@/lib/client/download-csv";
import type { CompositionDimension, CompositionReport } from "@/lib/schemas/reports";
import { CHART_HEIGHT, ChartCard, type ReportState } from "./chart-card";
import { ChartTooltipCard } from "./chart-tooltip";
import { chartBuckets, isMissingBucket, OTHER_BUCKET } from "./composition-buckets";
import { formatShare, shareOf } from "./report-figures";
import { bucketLabel, formatCount } from "./report-labels";
import { ReportTable } from "./report-table";
import { useChartColors, type ChartColors } from "./use-chart-colors";

export interface CompositionCardProps {
  title: string;
  description: string;
  dimension: CompositionDimension;
  /** What a bucket is, as a column header: "Country", "Age range". */
  bucketName: string;
  report: CompositionReport | undefined;
  state: ReportState;
  csv: CsvRequest | null;
  /** How bars are coloured: one colour, one per bucket, or consent states (granted green, denied red). */
  palette?: "single" | "distinct" | "consent";
  emptyText: string;
}

interface ChartRow {
  key: string;
  label: string;
  count: number;
  share: number | null;
}

const CONSENT_COLORS: Record<string, string> = { granted: "teal", denied: "red" };

function barColor(palette: CompositionCardProps["palette"], key: string, index: number, colors: ChartColors): string {
  if (isMissingBucket(key) || key === OTHER_BUCKET) return colors.muted;
  if (palette === "consent") return CONSENT_COLORS[key] ? colors.named(CONSENT_COLORS[key]) : colors.muted;
  if (palette === "distinct") return colors.series(index);
  return colors.series(0);
}

function shareNote(share: number | null): string | undefined {
  return share === null ? undefined : `(${formatShare(share)})`;
}

export function CompositionCard({
  title,
  description,
  dimension,
  bucketName,
  report,
  state,
  csv,
  palette = "single",
  emptyText,
}: CompositionCardProps) {
  const colors = useChartColors();
  const total = report?.total ?? 0;
  const label = (key: string) => (key === OTHER_BUCKET ? "Other" : bucketLabel(dimension, key));
  const rows: ChartRow[] = report
    ? chartBuckets(report).map((bucket) => ({
        key: bucket.key,
        label: label(bucket.key),
        count: bucket.count,
        share: shareOf(bucket.count, total),
      }))
    : [];

  const tooltip = ({ active, payload }: TooltipContentProps) => {
    const row = active ? (payload?.[0]?.payload as ChartRow | undefined) : undefined;
    if (!row) return null;
    const index = rows.indexOf(row);
    return (
      <ChartTooltipCard
        title={row.label}
        lines={[
          {
            label: "Customers",
            value: row.count,
            color: barColor(palette, row.key, index, colors),
            note: shareNote(row.share),
          },
        ]}
      />
    );
  };

  return (
    <ChartCard
      title={title}
      description={description}
      state={state}
      empty={total === 0}
      emptyText={emptyText}
      csv={csv}
      chart={() => (
        <>
          <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
            <BarChart
              data={rows}
              layout="vertical"
              margin={{ top: 0, right: 48, bottom: 0, left: 0 }}
              accessibilityLayer
            >
              {/* Each bar carries its count, so no value axis: the longest bar can use the whole width. */}
              <XAxis type="number" hide domain={[0, "dataMax"]} />
              <YAxis
                type="category"
                dataKey="label"
                width={124}
                tick={{ fill: colors.axis, fontSize: 12 }}
                stroke={colors.grid}
                interval={0}
              />
              <Tooltip content={tooltip} cursor={{ fill: colors.cursor }} />
              <Bar dataKey="count" name="Customers" radius={[0, 3, 3, 0]} maxBarSize={24} isAnimationActive={false}>
                {rows.map((row, index) => (
                  <Cell key={row.key} fill={barColor(palette, row.key, index, colors)} />
                ))}
                <LabelList
                  dataKey="count"
                  position="right"
                  fill={colors.axis}
                  fontSize={12}
                  formatter={(value) => formatCount(Number(value))}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          {report?.multiValued ? (
            <Text size="xs" c="dimmed" mt={4}>
              A customer counts once for each of their {dimension === "tag" ? "tags" : "sources"}.
            </Text>
          ) : null}
        </>
      )}
      table={() => (
        <ReportTable
          caption={`${title}: customers per ${bucketName.toLowerCase()}, of ${formatCount(total)}`}
          columns={[bucketName, "Customers", "Share"]}
          rows={(report?.buckets ?? []).map((bucket) => {
            const share = shareOf(bucket.count, total);
            return {
              key: bucket.key,
              cells: [label(bucket.key), formatCount(bucket.count), share === null ? "—" : formatShare(share)],
            };
          })}
        />
      )}
    />
  );
}
