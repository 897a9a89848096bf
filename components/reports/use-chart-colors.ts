// Chart colours from the Mantine theme, per colour scheme. recharts draws SVG with plain colour values,
// so the theme's shades are resolved here: a lighter shade on dark backgrounds, where shade 6 is too dim.
import { useComputedColorScheme, useMantineTheme } from "@mantine/core";
import { useMemo } from "react";

/** Series colours in order; distinct in hue so that neighbouring stacks and bars tell apart. */
const SERIES = ["indigo", "teal", "orange", "grape", "cyan", "pink", "lime", "yellow"] as const;

export interface ChartColors {
  series: (index: number) => string;
  named: (color: string) => string;
  /** The "other" slice and unknown buckets: grey, so they recede behind real values. */
  muted: string;
  axis: string;
  grid: string;
  cursor: string;
}

export function useChartColors(): ChartColors {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme("light", { getInitialValueInEffect: false }) === "dark";
  return useMemo(() => {
    const shade = dark ? 4 : 6;
    const named = (color: string) => theme.colors[color]?.[shade] ?? theme.colors.gray[shade];
    return {
      series: (index: number) => named(SERIES[index % SERIES.length]),
      named,
      muted: dark ? theme.colors.dark[3] : theme.colors.gray[4],
      axis: dark ? theme.colors.dark[1] : theme.colors.gray[7],
      grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
      cursor: dark ? theme.colors.dark[5] : theme.colors.gray[1],
    };
  }, [theme, dark]);
}
