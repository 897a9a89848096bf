// The report's two charts: activity per hour since the send started (sent, opened, clicked, unsubscribed,
// bounced) and clicks by link. recharts, in the colours of the dashboard's charts (light and dark).
import { Paper, Text } from "@mantine/core";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useChartColors } from "@/components/reports/use-chart-colors";
import type { CampaignReport } from "@/lib/schemas/send";
import { formatClockHour } from "@/components/ui/clock";

const SERIES = [
  { key: "sent", label: "Sent", color: "indigo" },
  { key: "opened", label: "Opened", color: "teal" },
  { key: "clicked", label: "Clicked", color: "orange" },
  { key: "unsubscribed", label: "Unsubscribed", color: "grape" },
  { key: "bounced", label: "Bounced", color: "red" },
] as const;

const hourTick = (hour: string) => formatClockHour(hour);

/** A link's short form for the axis: host and path, without the scheme and query. */
function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const text = `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
    return text.length > 32 ? `${text.slice(0, 31)}…` : text;
  } catch {
    return url.slice(0, 32);
  }
}

export function CampaignOverTimeChart({ report }: { report: CampaignReport }) {
  const colors = useChartColors();
  const tooltipStyle = { background: colors.cursor, border: `1px solid ${colors.grid}`, fontSize: 13 };
  return (
    <Paper withBorder radius="md" p="sm" data-testid="report-over-time">
      <Text fw={600} mb={4}>
        Over time
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Per hour since the send started
      </Text>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={report.overTime} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid vertical={false} stroke={colors.grid} />
          <XAxis
            dataKey="hour"
            tickFormatter={hourTick}
            tick={{ fill: colors.axis, fontSize: 12 }}
            stroke={colors.grid}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} tick={{ fill: colors.axis, fontSize: 12 }} stroke={colors.grid} width={40} />
          <Tooltip labelFormatter={(hour) => hourTick(String(hour))} contentStyle={tooltipStyle} />
          {/* In the funnel's order (sent → opened → clicked …), not alphabetically. */}
          <Legend
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={(item) => SERIES.findIndex((series) => series.key === item.dataKey)}
            formatter={(value: string) => <span style={{ color: colors.axis }}>{value}</span>}
          />
          {SERIES.map((series) => (
            <Line
              key={series.key}
              type="monotone"
              dataKey={series.key}
              name={series.label}
              stroke={colors.named(series.color)}
              strokeWidth={2}
              dot={report.overTime.length < 3}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </Paper>
  );
}

export function CampaignByLinkChart({ report }: { report: CampaignReport }) {
  const colors = useChartColors();
  const links = report.byLink.slice(0, 10).map((link) => ({ ...link, label: shortUrl(link.url) }));
  const tooltipStyle = { background: colors.cursor, border: `1px solid ${colors.grid}`, fontSize: 13 };
  return (
    <Paper withBorder radius="md" p="sm" data-testid="report-by-link">
      <Text fw={600} mb={4}>
        Clicks by link
      </Text>
      <ResponsiveContainer width="100%" height={Math.max(120, links.length * 36 + 40)}>
        <BarChart data={links} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} accessibilityLayer>
          <CartesianGrid horizontal={false} stroke={colors.grid} />
          <XAxis type="number" allowDecimals={false} tick={{ fill: colors.axis, fontSize: 12 }} stroke={colors.grid} />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            tick={{ fill: colors.axis, fontSize: 12 }}
            stroke={colors.grid}
          />
          <Tooltip
            labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.url ?? "")}
            contentStyle={tooltipStyle}
            cursor={{ fill: colors.cursor }}
          />
          <Bar dataKey="clicks" name="Clicks" fill={colors.series(0)} isAnimationActive={false} />
          <Bar dataKey="recipients" name="Recipients" fill={colors.series(1)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      {links.map((link) => (
        <Text key={link.url} size="xs" c="dimmed" lineClamp={1}>
          {link.url}: {link.clicks.toLocaleString()} clicks by {link.recipients.toLocaleString()}
        </Text>
      ))}
    </Paper>
  );
}
