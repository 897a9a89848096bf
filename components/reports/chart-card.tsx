// One dashboard card: a titled report shown as a chart or, at the press of a toggle, as a table (the
// same numbers for screen readers, for copying, for exact values), with its CSV download. The card owns
// the states every report shares: loading skeleton, error with retry, and an empty state that says why.
import {
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconChartBar, IconDownload, IconTable, type Icon } from "@tabler/icons-react";
import { useId, useState, type ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { notifyError } from "@/components/ui/notify";
import { downloadCsv, type CsvRequest } from "@/lib/client/download-csv";

export const CHART_HEIGHT = 260;

export interface ReportState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  /** Old figures shown while new ones load (another range or view). */
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  state: ReportState;
  /** Nothing to draw: the empty state shows instead of a chart of zeros. */
  empty: boolean;
  emptyIcon?: Icon;
  emptyText: string;
  /** Null while the query is not known yet. */
  csv: CsvRequest | null;
  chart: () => ReactNode;
  table: () => ReactNode;
  /** Wider cards span two grid columns. */
  wide?: boolean;
}

type Mode = "chart" | "table";

function ModeToggle({ mode, onChange, title }: { mode: Mode; onChange: (mode: Mode) => void; title: string }) {
  return (
    <SegmentedControl
      size="xs"
      value={mode}
      onChange={(value) => onChange(value === "table" ? "table" : "chart")}
      aria-label={`Show ${title} as`}
      data={[
        {
          value: "chart",
          label: (
            <Group gap={4} wrap="nowrap">
              <IconChartBar size={14} aria-hidden />
              <span>Chart</span>
            </Group>
          ),
        },
        {
          value: "table",
          label: (
            <Group gap={4} wrap="nowrap">
              <IconTable size={14} aria-hidden />
              <span>Table</span>
            </Group>
          ),
        },
      ]}
    />
  );
}

function CardEmpty({ icon: IconComponent = IconChartBar, text }: { icon?: Icon; text: string }) {
  return (
    <Stack h={CHART_HEIGHT} align="center" justify="center" gap="xs" ta="center" px="md">
      <ThemeIcon size={40} radius="xl" variant="light" color="gray">
        <IconComponent size={20} stroke={1.6} />
      </ThemeIcon>
      <Text c="dimmed" size="sm" maw={320}>
        {text}
      </Text>
    </Stack>
  );
}

export function ChartCard({
  title,
  description,
  state,
  empty,
  emptyIcon,
  emptyText,
  csv,
  chart,
  table,
  wide,
}: ChartCardProps) {
  const headingId = useId();
  const [mode, setMode] = useState<Mode>("chart");
  const [downloading, setDownloading] = useState(false);
  const ready = !state.isPending && !state.isError;

  const download = async () => {
    if (!csv) return;
    setDownloading(true);
    try {
      await downloadCsv(csv);
    } catch (error) {
      notifyError(error, "The CSV download failed");
    } finally {
      setDownloading(false);
    }
  };

  let body: ReactNode;
  if (state.isPending) {
    body = (
      <Box aria-busy="true">
        <VisuallyHidden>Loading {title}</VisuallyHidden>
        <Skeleton height={CHART_HEIGHT} radius="md" />
      </Box>
    );
  } else if (state.isError) {
    body = <ErrorAlert title="This report could not be loaded" error={state.error} onRetry={state.refetch} />;
  } else if (empty) {
    body = <CardEmpty icon={emptyIcon} text={emptyText} />;
  } else {
    body =
      mode === "chart" ? (
        chart()
      ) : (
        <Box mah={CHART_HEIGHT + 80} style={{ overflow: "auto" }}>
          {table()}
        </Box>
      );
  }

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      aria-busy={state.isPlaceholderData || undefined}
      withBorder
      radius="md"
      p="md"
      style={{
        gridColumn: wide ? "1 / -1" : undefined,
        opacity: state.isPlaceholderData ? 0.6 : 1,
        transition: "opacity 150ms",
      }}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
        <Stack gap={2} style={{ flex: "1 1 200px" }}>
          <Title order={2} fz="md" id={headingId}>
            {title}
          </Title>
          {description ? (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {ready && !empty ? <ModeToggle mode={mode} onChange={setMode} title={title} /> : null}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={download}
            loading={downloading}
            disabled={!csv || !ready}
            aria-label={`Download ${title} as CSV`}
          >
            CSV
          </Button>
        </Group>
      </Group>
      {body}
    </Paper>
  );
}
