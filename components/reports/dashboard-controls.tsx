// The dashboard's controls: the period (a preset or two days), how it is grouped (automatic unless
// chosen) and whose customers it reports on (the whole base or one saved view). Native date inputs on
// purpose, like the lists' date filter: keyboard-accessible and localised by the browser.
import { Group, Select, TextInput } from "@mantine/core";
import { REPORT_INTERVALS, type ReportInterval } from "@/lib/schemas/reports";
import type { View } from "@/lib/schemas/views";
import type { DashboardParams } from "./dashboard-params";
import {
  autoInterval,
  intervalAllowed,
  isRangePreset,
  rangeError,
  REPORT_RANGE_LABELS,
  REPORT_RANGE_PRESETS,
  type DayRange,
} from "./report-range";

const PRESET_OPTIONS = REPORT_RANGE_PRESETS.map((preset) => ({ value: preset, label: REPORT_RANGE_LABELS[preset] }));
const INTERVAL_LABELS: Record<ReportInterval, string> = { day: "By day", week: "By week", month: "By month" };
const AUTO = "auto";

/** A change made from the current params, not from those of the last render (see DashboardScreen). */
export type DashboardChange = (current: DashboardParams) => DashboardParams;

export interface DashboardControlsProps {
  params: DashboardParams;
  onChange: (change: DashboardChange) => void;
  /** The days the current choice covers; what a switch to "Custom range" starts from. */
  range: DayRange | null;
  views: readonly View[];
  viewsLoading: boolean;
}

export function DashboardControls({ params, onChange, range, views, viewsLoading }: DashboardControlsProps) {
  const { range: value, interval } = params;
  const error = rangeError(value);
  const intervalOptions = [
    { value: AUTO, label: range ? `Automatic (${INTERVAL_LABELS[autoInterval(range)].toLowerCase()})` : "Automatic" },
    ...REPORT_INTERVALS.map((option) => ({
      value: option,
      label: INTERVAL_LABELS[option],
      disabled: range !== null && !intervalAllowed(option, range),
    })),
  ];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Period"
        data={PRESET_OPTIONS}
        value={value.preset}
        onChange={(next) => {
          if (!isRangePreset(next)) return;
          // A custom range starts from the days on screen, so it can be nudged instead of typed afresh.
          const days = next === "custom" && range ? { from: range.from, to: range.to } : {};
          onChange((current) => ({ ...current, range: { preset: next, ...days } }));
        }}
        allowDeselect={false}
        w={170}
      />
      {value.preset === "custom" ? (
        <>
          <TextInput
            type="date"
            label="From"
            value={value.from ?? ""}
            onChange={(event) => {
              const from = event.currentTarget.value || undefined;
              onChange((current) => ({ ...current, range: { ...current.range, from } }));
            }}
            w={160}
          />
          <TextInput
            type="date"
            label="To (inclusive)"
            value={value.to ?? ""}
            onChange={(event) => {
              const to = event.currentTarget.value || undefined;
              onChange((current) => ({ ...current, range: { ...current.range, to } }));
            }}
            error={error}
            w={160}
          />
        </>
      ) : null}
      <Select
        label="Group by"
        data={intervalOptions}
        value={interval && range && intervalAllowed(interval, range) ? interval : AUTO}
        onChange={(next) => {
          const chosen = REPORT_INTERVALS.find((option) => option === next) ?? null;
          onChange((current) => ({ ...current, interval: chosen }));
        }}
        allowDeselect={false}
        w={190}
      />
      <Select
        label="View"
        placeholder={viewsLoading ? "Loading views…" : "All customers"}
        data={views.map((view) => ({ value: view.id, label: view.name }))}
        value={params.viewId}
        onChange={(id) => onChange((current) => ({ ...current, viewId: id }))}
        clearable
        searchable
        nothingFoundMessage="No view with that name"
        w={240}
      />
    </Group>
  );
}
