// The admin app's Mantine theme: one accent colour (indigo), neutral greys, the system font stack
// (no web fonts: the app must work on machines without internet access).
import { createTheme, type CSSVariablesResolver } from "@mantine/core";

const systemFonts =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"';

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 6, dark: 4 },
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts, fontWeight: "650" },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  defaultRadius: "md",
  cursorType: "pointer",
});

/** Surfaces that differ per colour scheme, used by the shell (muted page background vs. white chrome). */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    "--atrium-surface-page": t.colors.gray[0],
    "--atrium-surface-chrome": t.white,
  },
  dark: {
    "--atrium-surface-page": t.colors.dark[8],
    "--atrium-surface-chrome": t.colors.dark[7],
  },
});
